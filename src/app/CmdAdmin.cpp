// `blconnect admin add-user` / `add-token` (docs/admin.md). The password arrives on stdin and
// the token leaves on stdout exactly once; neither is logged nor stored in clear.
#include <unistd.h>

#include <iostream>

#include "admin/Credentials.h"
#include "app/Commands.h"
#include "app/ReadSecret.h"
#include "store/Store.h"

namespace app {
namespace {

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

int fail(const std::exception& e) {
    std::cerr << "blconnect: " << e.what() << "\n";
    return 1;
}

}  // namespace

int cmd_admin_add_user(const AdminUserOptions& options) {
    try {
        auto store = open_admin_store(options);
        auto password = read_new_password();
        if (!password) {
            std::cerr << "blconnect: no password on stdin\n";
            return 1;
        }
        auto id = admin::add_user(store->admins(), options.username, *password);
        std::cout << "admin user " << options.username << " created (id " << id << ")\n";
        return 0;
    } catch (const admin::CredentialError& e) {
        return fail(e);
    } catch (const store::StoreError& e) {
        return fail(e);
    }
}

int cmd_admin_add_token(const AdminTokenOptions& options) {
    try {
        auto store = open_admin_store(options);
        std::string token = admin::add_token(store->admins(), options.username, options.name);
        // The token on stdout alone (scripts capture it); the warning on stderr.
        std::cout << token << "\n";
        std::cerr << "token '" << options.name << "' for " << options.username
                  << " created; it is shown only this once, store it now\n";
        return 0;
    } catch (const admin::CredentialError& e) {
        return fail(e);
    } catch (const store::StoreError& e) {
        return fail(e);
    }
}

}  // namespace app
