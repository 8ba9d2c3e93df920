// /orders: the routes, and reading orders (the same list_orders / order_detail the CLI uses).
// Lists are newest first; the cursor is the id of the last order of the previous page.
#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/OrderHandlers.h"
#include "admin/api/OrderJson.h"
#include "core/Text.h"

namespace admin::api {
namespace orders {
namespace {

constexpr std::int64_t kDefaultLimit = 50;

std::optional<store::OrderOrigin> query_origin(const Call& call) {
    const auto text = query_text(call, "origin");
    if (!text || text->empty()) return std::nullopt;
    if (*text == "shop") return store::OrderOrigin::Shop;
    if (*text == "baselinker") return store::OrderOrigin::BaseLinker;
    throw invalid_field("origin", "expected shop or baselinker");
}

std::optional<std::string> query_search(const Call& call) {
    auto q = query_text(call, "q");
    if (!q) return std::nullopt;
    const auto trimmed = core::trim(*q);
    if (trimmed.empty()) return std::nullopt;
    return std::string(trimmed);
}

store::OrderListQuery list_query(const Call& call, std::int64_t limit) {
    store::OrderListQuery query;
    query.origin = query_origin(call);
    query.status_id = query_integer(call, "status_id");
    query.paid = query_boolean(call, "paid");
    query.date_from = query_time(call, "date_from", false);
    query.date_to = query_time(call, "date_to", true);
    query.text = query_search(call);
    query.held = query_boolean(call, "held");
    query.before_id = query_cursor(call);
    // One more than shown tells whether a next page exists without counting.
    query.limit = limit + 1;
    return query;
}

void write_page(wire::JsonWriter& out, const std::vector<store::OrderSummary>& rows,
                std::int64_t limit) {
    const bool more = static_cast<std::int64_t>(rows.size()) > limit;
    const std::size_t shown = more ? static_cast<std::size_t>(limit) : rows.size();
    out.begin_object().key("items").begin_array();
    for (std::size_t i = 0; i < shown; ++i) write_order_summary(out, rows[i]);
    out.end_array().key("next_cursor");
    if (more) {
        out.string(std::to_string(rows[shown - 1].id));
    } else {
        out.null();
    }
    out.end_object();
}

}  // namespace

core::WebResponse list(Call& call) {
    const auto limit = query_limit(call, kDefaultLimit);
    const auto rows = call.store.orders().list_orders(list_query(call, limit));
    return json_reply_with(200, [&](wire::JsonWriter& out) { write_page(out, rows, limit); });
}

core::WebResponse detail(Call& call) {
    const auto id = path_id(call, 0);
    const auto order = call.store.orders().order_detail(id);
    if (!order) throw not_found("unknown order " + std::to_string(id));
    const auto statuses = call.store.lookups().order_statuses();
    return json_reply_with(
        200, [&](wire::JsonWriter& out) { write_order_detail(out, *order, statuses); });
}

}  // namespace orders

std::vector<Route> order_routes() {
    using namespace orders;
    return {
        {"GET", "/orders", list},
        {"POST", "/orders", create},
        {"GET", "/orders/{id}", detail},
        {"PUT", "/orders/{id}/status", set_status},
        {"POST", "/orders/{id}/shipments", add_shipment},
        {"PUT", "/orders/{id}/paid", set_paid},
        {"POST", "/orders/{id}/comments", add_comment},
        {"POST", "/orders/{id}/lines/{id}", correct_line},
        {"POST", "/orders/{id}/release", release},
    };
}

}  // namespace admin::api
