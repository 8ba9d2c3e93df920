// The order inbox's staff side (docs/admin-api.md "Orders on hold"): correct one line of a held
// order, then release it. The same store operations as `blconnect order bind|release`, recorded
// with actor "admin:<user>". Lines count from 1 here as everywhere staff read them; the store
// counts from 0.
#include <spdlog/spdlog.h>

#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/OrderHandlers.h"

namespace admin::api::orders {
namespace {

// Any of: product_id (+ variant_id) | free: true, quantity, unit_price ("12.34").
store::LineCorrection read_correction(const Body& body) {
    store::LineCorrection c;
    c.product_id = body.optional_integer("product_id");
    if (body.has("variant_id")) {
        if (!c.product_id) throw invalid_field("variant_id", "give product_id with variant_id");
        c.variant_id = body.integer("variant_id");
    }
    c.free = body.optional_boolean("free").value_or(false);
    if (c.free && c.product_id) {
        throw invalid_field("free", "a line is either bound to product_id or free, not both");
    }
    c.quantity = body.optional_integer("quantity");
    if (body.has("unit_price")) c.unit_price = body.money("unit_price");
    if (!c.product_id && !c.free && !c.quantity && !c.unit_price) {
        throw invalid_field("product_id",
                            "nothing to correct: give product_id, free, quantity or unit_price");
    }
    return c;
}

}  // namespace

core::WebResponse correct_line(Call& call) {
    Body body(call.request.body, {"product_id", "variant_id", "free", "quantity", "unit_price"});
    const auto correction = read_correction(body);
    const auto order_id = path_id(call, 0);
    const auto line = path_id(call, 1);  // from 1
    const auto status = call.store.orders().correct_held_line(order_id, line - 1, correction,
                                                              call.caller.actor(), call.now);
    if (!status.ok()) throw ApiError(status);
    spdlog::info("admin api: {} corrected line {} of held order {}", call.caller.username, line,
                 order_id);
    return detail(call);  // the order as it is now, with its remaining problems
}

core::WebResponse release(Call& call) {
    const auto order_id = path_id(call, 0);
    // The status a new BaseLinker order gets, from the same settings the connector reads.
    const auto policy = order_policy_in_force(call, call.store.settings().load());
    const auto released = value_or_throw(call.store.orders().release_held_order(
        order_id, policy.default_status, call.caller.actor(), call.now));
    spdlog::info("admin api: {} released held order {} ({} units taken, {} oversold)",
                 call.caller.username, order_id, released.units, released.oversold);
    std::string status_name;
    for (const auto& s : call.store.lookups().order_statuses()) {
        if (s.id == released.status_id) status_name = s.name;
    }
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("status").begin_object();
        out.key("id").integer(released.status_id).key("name").string(status_name).end_object();
        out.key("units").integer(released.units).key("oversold").integer(released.oversold);
        out.key("free_lines").integer(released.free_lines).end_object();
    });
}

}  // namespace admin::api::orders
