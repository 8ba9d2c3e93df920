// /health: is the shop's connector being used, and is anything wrong that staff should look at.
// Read only; everything comes from the store (journal, orders, catalogue counts).
#include <ctime>
#include <optional>

#include "admin/api/Fields.h"
#include "admin/api/Json.h"

namespace admin::api {
namespace {

constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

struct Warning {
    std::string code, message;
};

std::int64_t last_orders_get_ms(const std::vector<store::ActionLastOk>& actions) {
    for (const auto& a : actions)
        if (a.action == "OrdersGet") return a.at_ms;
    return 0;
}

// "17:58 UTC" (the panel shows the *_at_ms fields in the user's time zone).
std::string utc_time(std::int64_t at_ms) {
    const std::time_t seconds = static_cast<std::time_t>(at_ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M UTC", &tm);
    return text;
}

// Calls with a wrong password since the last accepted one: BaseLinker may be locked out.
std::optional<Warning> lockout_warning(const core::RefusalReport& r) {
    if (!r.locked_out) return std::nullopt;
    std::string message = std::to_string(r.refused_count) +
                          " connector calls refused for a wrong password since " +
                          utc_time(r.since_ms) + ", last from " + r.last_client +
                          (r.last_throttled ? " (throttled)" : "") + ". ";
    if (r.password_changed_at_ms != 0 && r.password_changed_at_ms <= r.since_ms) {
        message += "The connector password was changed at " + utc_time(r.password_changed_at_ms) +
                   "; calls since then use another password: paste the new one into BaseLinker.";
    } else {
        message += "Check the communication password in BaseLinker's integration settings.";
    }
    return Warning{"connector_password_refused", std::move(message)};
}

std::vector<Warning> warnings(const Call& call, std::int64_t last_poll_ms,
                              const store::OrderStats& orders,
                              const core::RefusalReport& refusals) {
    std::vector<Warning> out;
    if (auto lockout = lockout_warning(refusals)) out.push_back(std::move(*lockout));
    const std::int64_t minutes = call.options.poll_warning_minutes;
    if (last_poll_ms == 0) {
        out.push_back({"never_polled",
                       "BaseLinker has never fetched orders (no OrdersGet in the "
                       "journal): check the integration settings"});
    } else if (call.now * 1000 - last_poll_ms > minutes * 60 * 1000) {
        out.push_back({"orders_not_polled", "BaseLinker has not fetched orders for more than " +
                                                std::to_string(minutes) + " minutes"});
    }
    if (const auto held = call.store.held_changes().held_count(); held > 0) {
        out.push_back(
            {"mass_change_held", "A stock or price batch from BaseLinker is held for approval (" +
                                     std::to_string(held) + " waiting): apply or discard it"});
    }
    if (orders.on_hold > 0) {
        out.push_back({"orders_on_hold", std::to_string(orders.on_hold) +
                                             " orders need attention: bind their lines and "
                                             "release them (orders on hold)"});
    }
    if (orders.with_oversells > 0) {
        out.push_back({"oversold_orders", std::to_string(orders.with_oversells) +
                                              " orders have lines sold beyond the stock"});
    }
    return out;
}

void write_connector(wire::JsonWriter& out, const std::vector<store::ActionLastOk>& actions,
                     std::int64_t last_poll_ms) {
    out.key("connector").begin_object();
    out.key("last_orders_get_at_ms");
    last_poll_ms == 0 ? out.null() : out.integer(last_poll_ms);
    out.key("actions").begin_array();
    for (const auto& a : actions) {
        out.begin_object().key("action").string(a.action).key("last_ok_at_ms");
        a.at_ms == 0 ? out.null() : out.integer(a.at_ms);
        out.key("calls_24h").integer(a.calls_24h).end_object();
    }
    out.end_array().end_object();
}

void write_refusals(wire::JsonWriter& out, const core::RefusalReport& r) {
    out.key("refusals").begin_object();
    out.key("without_password_last_hour").integer(r.without_password_last_hour);
    out.key("wrong_password_last_hour").integer(r.wrong_password_last_hour);
    out.key("throttled_last_hour").integer(r.throttled_last_hour);
    out.key("lockout");
    if (!r.locked_out) {
        out.null();
    } else {
        out.begin_object();
        out.key("since_ms").integer(r.since_ms);
        out.key("last_refused_ms").integer(r.last_refused_ms);
        out.key("refused").integer(r.refused_count);
        out.key("last_client").string(r.last_client);
        out.key("throttled").boolean(r.last_throttled);
        out.key("password_changed_at_ms");
        r.password_changed_at_ms == 0 ? out.null() : out.integer(r.password_changed_at_ms);
        out.end_object();
    }
    out.end_object();
}

void write_catalog(wire::JsonWriter& out, store::Store& store) {
    out.key("catalog").begin_object();
    out.key("products").integer(store.catalog().product_count());
    out.key("categories").integer(static_cast<std::int64_t>(store.lookups().categories().size()));
    out.key("manufacturers")
        .integer(static_cast<std::int64_t>(store.lookups().manufacturers().size()));
    out.end_object();
}

void write_orders(wire::JsonWriter& out, const store::OrderStats& s) {
    out.key("orders").begin_object();
    out.key("total").integer(s.total);
    out.key("from_baselinker").integer(s.from_baselinker);
    out.key("from_shop").integer(s.from_shop);
    out.key("unpaid").integer(s.unpaid);
    out.key("with_oversells").integer(s.with_oversells);
    out.key("last_24h").integer(s.last_24h);
    out.key("on_hold").integer(s.on_hold);
    out.end_object();
}

void write_warnings(wire::JsonWriter& out, const std::vector<Warning>& list) {
    out.key("warnings").begin_array();
    for (const auto& w : list) {
        out.begin_object().key("code").string(w.code).key("message").string(w.message);
        out.end_object();
    }
    out.end_array();
}

core::WebResponse health(Call& call) {
    auto actions = call.store.journal().last_ok_by_action(call.now * 1000 - kDayMs);
    auto stats = call.store.orders().order_stats(call.now);
    std::int64_t last_poll_ms = last_orders_get_ms(actions);
    const auto refusals =
        call.connector.refusals ? call.connector.refusals() : core::RefusalReport{};
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object();
        out.key("database").string("ok");  // every figure below was just read from it
        out.key("now").integer(call.now);
        write_connector(out, actions, last_poll_ms);
        write_refusals(out, refusals);
        write_catalog(out, call.store);
        write_orders(out, stats);
        write_warnings(out, warnings(call, last_poll_ms, stats, refusals));
        out.end_object();
    });
}

// The connector's own handler answers FileVersion as it would answer BaseLinker.
core::WebResponse test_connection(Call& call) {
    if (!call.connector.test_connection) {
        throw ApiError({core::Code::Unsupported, {}, "no connector in this process"});
    }
    const core::WebResponse answer = call.connector.test_connection();
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object();
        out.key("ok").boolean(answer.status == 200 &&
                              answer.body.find("\"error_code\"") == std::string::npos);
        out.key("path").string(call.connector.connector_path);
        out.key("http_status").integer(answer.status);
        out.key("answer").raw(answer.body);  // the connector always answers JSON
        out.end_object();
    });
}

}  // namespace

std::vector<Route> health_routes() {
    return {{"GET", "/health", health}, {"POST", "/connector/test", test_connection}};
}

}  // namespace admin::api
