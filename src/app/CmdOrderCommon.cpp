#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"
#include "core/Decimal.h"
#include "core/Text.h"
#include "records/ShopOrder.h"

namespace app::order_cli {

Session open_session(const OrderStoreOptions& options) {
    Session session{config_with_db(options.config, options.db), nullptr};
    session.store = store::open_store(session.config.database, session.config.store);
    return session;
}

store::OrderPolicy order_policy_in_force(Session& session) {
    return session.store->settings().load().orders.value_or(
        session.config.endpoint.connector.orders);
}

std::string problem_text(const store::HoldProblem& p) {
    // The store's messages mostly name their place already ("line 2 quantity: ...").
    const std::string where = p.line ? "line " + std::to_string(*p.line + 1) : "order";
    if (p.message.rfind(where, 0) == 0) return p.message;
    return where + " " + p.field + ": " + p.message;
}

std::vector<std::string> open_problems(const store::OrderHold& hold) {
    std::vector<std::string> out;
    for (const auto& p : hold.problems) {
        if (p.resolved_at != 0) continue;
        out.push_back(problem_text(p) +
                      (p.blocking ? " (must be resolved)" : " (accepted by releasing)"));
    }
    return out;
}

bool blocks_release(const store::OrderHold& hold) {
    for (const auto& p : hold.problems) {
        if (p.blocking && p.resolved_at == 0) return true;
    }
    return false;
}

std::int64_t now_utc() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

std::string utc_time(std::int64_t seconds) {
    if (seconds == 0) return "-";
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

std::string amount(core::Money money, const std::string& currency) {
    return money.format() + " " + currency;
}

std::string status_name(const std::vector<store::NamedId>& statuses, store::Id id) {
    for (const auto& s : statuses) {
        if (s.id == id) return s.name;
    }
    return "#" + std::to_string(id);
}

std::optional<store::NamedId> find_status(const std::vector<store::NamedId>& statuses,
                                          std::string_view text) {
    auto id = core::parse_int(core::trim(text));
    // Names compare case-folded so that "anulowane" and "ANULOWANE" both work in a shell.
    std::string folded = core::is_valid_utf8(text) ? core::fold_case(core::trim(text)) : "";
    for (const auto& s : statuses) {
        if ((id && s.id == *id) || (!id && !folded.empty() && core::fold_case(s.name) == folded)) {
            return s;
        }
    }
    return std::nullopt;
}

int unknown_status(const std::vector<store::NamedId>& statuses, std::string_view text) {
    return report(core::Status::invalid_field(
        "status", "unknown status " + std::string(text) +
                      " (known: " + records::known_statuses(statuses) + ")"));
}

int unknown_order(store::Id id) {
    return report(core::Status::not_found("unknown order " + std::to_string(id)));
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace app::order_cli
