// POST /orders: a storefront order. The body is the order file of docs/orders.md, read by the
// same parser as `blconnect order create` and created by the same records::create_shop_order
// (ids checked against the shop's tables, stock taken in the order's transaction).
#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/OrderHandlers.h"
#include "records/OrderFile.h"
#include "records/ShopOrder.h"

namespace admin::api::orders {
namespace {

// [orders] match_by_codes as in force: the stored settings win over the config file's.
bool match_by_codes(Call& call) {
    const auto stored = call.store.settings().load();
    return stored.orders.value_or(call.connector.config_policy).match_by_codes;
}

void write_created(wire::JsonWriter& out, const store::AddOrderResult& result) {
    out.begin_object().key("id").integer(result.order_id).key("lines").begin_array();
    for (const auto& line : result.lines) {
        out.begin_object().key("line").integer(static_cast<std::int64_t>(line.line) + 1);
        out.key("product_id");
        if (line.product_id) {
            out.integer(*line.product_id);
        } else {
            out.null();
        }
        out.key("variant_id").integer(line.variant_id);
        out.key("stock_taken").integer(line.stock_taken);
        out.key("oversold").integer(line.oversold).end_object();
    }
    out.end_array().end_object();
}

}  // namespace

core::WebResponse create(Call& call) {
    check_json_body(call.request.body);
    // A problem in a line is named as a path ("lines[2].price"); a body that is not JSON at all
    // is the client's encoding (invalid_json), not a field.
    auto order = value_or_throw(records::parse_order_file(call.request.body));
    records::ShopOrderOptions options;
    options.match_by_codes = match_by_codes(call);
    options.actor = call.caller.actor();
    options.now = call.now;
    const auto result = value_or_throw(records::create_shop_order(call.store, order, options));
    return json_reply_with(201, [&](wire::JsonWriter& out) { write_created(out, result); });
}

}  // namespace admin::api::orders
