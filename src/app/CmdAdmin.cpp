// `blconnect admin ...` (docs/admin.md): add-user / add-token create credentials, list shows
// them, disable-user / enable-user / revoke-token take access away. The password arrives on
// stdin and the token leaves on stdout exactly once; neither is logged nor stored in clear, and
// no command prints a hash.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <vector>

#include "admin/Credentials.h"
#include "app/CmdOrder.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/ReadSecret.h"
#include "store/Store.h"

namespace app {
namespace {

using Row = std::vector<std::string>;

std::unique_ptr<store::Store> open_admin_store(const AdminStoreOptions& options) {
    Config config = config_with_db(options.config, options.db);
    return store::open_store(config.database, config.store);
}

// On a terminal the password is typed twice, since nobody can see a typo; piped input is
// taken as given.
std::optional<std::string> read_new_password() {
    auto password = read_secret_line("password: ");
    if (!password || isatty(STDIN_FILENO) == 0) return password;
    auto again = read_secret_line("repeat password: ");
    if (!again || *again != *password) {
        std::cerr << "blconnect: the passwords do not match\n";
        return std::nullopt;
    }
    return password;
}

// Runs a command; a database failure becomes exit 1 with the message (there is no client to
// hide it from: the person at the keyboard runs the server).
template <class Command>
int guarded(Command&& command) {
    try {
        return command();
    } catch (const store::StoreError& e) {
        return report(core::Status::internal(e.what()));
    }
}

int unknown_user(const std::string& username) {
    return report(core::Status::not_found("unknown admin user '" + username + "'", "username"));
}

std::string yes_no(bool value) {
    return value ? "yes" : "no";
}

// rows[0] is the header; columns are as wide as their widest cell, two spaces apart.
void print_table(const std::vector<Row>& rows) {
    std::vector<std::size_t> width(rows.front().size(), 0);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i] + std::string(width[i] - row[i].size() + 2, ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        std::cout << line << "\n";
    }
}

void print_users(const std::vector<store::AdminUserInfo>& users) {
    std::cout << "admin users\n";
    std::vector<Row> rows{{"username", "created", "disabled"}};
    for (const auto& u : users) {
        rows.push_back({u.username, order_cli::utc_time(u.created_at), yes_no(u.disabled)});
    }
    print_table(rows);
    if (users.empty()) std::cout << "(none)\n";
}

void print_tokens(const std::vector<store::AdminTokenInfo>& tokens) {
    std::cout << "API tokens\n";
    std::vector<Row> rows{{"user", "name", "created", "last used", "revoked"}};
    for (const auto& t : tokens) {
        std::string used = t.last_used_at == 0 ? "never" : order_cli::utc_time(t.last_used_at);
        rows.push_back(
            {t.username, t.name, order_cli::utc_time(t.created_at), used, yes_no(t.revoked)});
    }
    print_table(rows);
    if (tokens.empty()) std::cout << "(none)\n";
}

int set_disabled(const AdminUserOptions& options, bool disabled) {
    return guarded([&] {
        auto store = open_admin_store(options);
        if (!store->admins().set_user_disabled(options.username, disabled))
            return unknown_user(options.username);
        std::cout << "admin user " << options.username
                  << (disabled ? " disabled: its panel sessions and API tokens no longer work\n"
                               : " enabled\n");
        return 0;
    });
}

}  // namespace

int cmd_admin_add_user(const AdminUserOptions& options) {
    return guarded([&] {
        auto store = open_admin_store(options);
        auto password = read_new_password();
        if (!password) {
            return report(core::Status::invalid_field("password", "no password on stdin"));
        }
        auto id = admin::add_user(store->admins(), options.username, *password);
        if (!id) return report(id.status());
        std::cout << "admin user " << options.username << " created (id " << *id << ")\n";
        return 0;
    });
}

int cmd_admin_add_token(const AdminTokenOptions& options) {
    return guarded([&] {
        auto store = open_admin_store(options);
        auto token = admin::add_token(store->admins(), options.username, options.name);
        if (!token) return report(token.status());
        // The token on stdout alone (scripts capture it); the warning on stderr.
        std::cout << *token << "\n";
        std::cerr << "token '" << options.name << "' for " << options.username
                  << " created; it is shown only this once, store it now\n";
        return 0;
    });
}

int cmd_admin_list(const AdminStoreOptions& options) {
    return guarded([&] {
        auto store = open_admin_store(options);
        print_users(store->admins().list_users());
        std::cout << "\n";
        print_tokens(store->admins().list_tokens());
        return 0;
    });
}

int cmd_admin_disable_user(const AdminUserOptions& options) {
    return set_disabled(options, true);
}

int cmd_admin_enable_user(const AdminUserOptions& options) {
    return set_disabled(options, false);
}

int cmd_admin_revoke_token(const AdminTokenOptions& options) {
    return guarded([&] {
        auto store = open_admin_store(options);
        if (!store->admins().find_user(options.username)) return unknown_user(options.username);
        auto revoked = store->admins().revoke_tokens(options.username, options.name);
        if (revoked == 0) {
            return report(core::Status::not_found("admin user '" + options.username +
                                                  "' has no unrevoked token named '" +
                                                  options.name + "'"));
        }
        std::cout << "revoked " << revoked << (revoked == 1 ? " token" : " tokens") << " named '"
                  << options.name << "' of admin user " << options.username << "\n";
        return 0;
    });
}

}  // namespace app
