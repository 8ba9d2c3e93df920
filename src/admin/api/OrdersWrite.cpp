// Staff changes to one order: status, shipment, paid flag, comment. The same store operations as
// `blconnect order ...` and BaseLinker's OrderUpdate, recorded with actor "admin:<user>"; what
// BaseLinker sees on its next OrdersGet changes with them.
#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/OrderHandlers.h"

namespace admin::api::orders {
namespace {

constexpr std::size_t kMaxShipmentNumber = 100;
constexpr std::size_t kMaxComment = 2000;

// A change the order inbox refuses: the order is on hold (only release or a cancelled status
// moves it on), or the status asked for is the hold status, which only the inbox sets.
ApiError on_hold(Call& call, store::Id order_id) {
    const auto order = call.store.orders().order_detail(order_id);
    if (order && order->held) {
        return ApiError(core::Status::conflict(
            "status_id", "order " + std::to_string(order_id) +
                             " is on hold: correct its lines and release it first (POST /orders/" +
                             std::to_string(order_id) + "/release), or cancel it"));
    }
    return ApiError(core::Status::conflict(
        "status_id", "the hold status is set by the order inbox only, not by staff"));
}

// Unknown order → 404, unknown status → 422 status_id, on hold → 409; otherwise the result's
// name.
const char* result_text(Call& call, store::UpdateResult result, store::Id order_id) {
    switch (result) {
        case store::UpdateResult::Applied:
            return "applied";
        case store::UpdateResult::Unchanged:
            return "unchanged";
        case store::UpdateResult::UnknownOrder:
            throw not_found("unknown order " + std::to_string(order_id));
        case store::UpdateResult::UnknownStatus:
            break;
        case store::UpdateResult::OnHold:
            throw on_hold(call, order_id);
    }
    throw invalid_field("status_id", "not a status of the shop");
}

core::WebResponse result_reply(Call& call, store::UpdateResult result, store::Id order_id) {
    const char* text = result_text(call, result, order_id);
    return json_reply_with(200, [text](wire::JsonWriter& out) {
        out.begin_object().key("result").string(text).end_object();
    });
}

}  // namespace

core::WebResponse set_status(Call& call) {
    Body body(call.request.body, {"status_id"});
    const auto order_id = path_id(call, 0);
    const auto update = call.store.orders().set_status(order_id, body.integer("status_id"),
                                                       call.caller.actor(), call.now);
    const char* text = result_text(call, update.result, order_id);
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("result").string(text);
        out.key("stock_returned").boolean(update.stock_returned);
        out.key("stock_retaken").boolean(update.stock_retaken);
        out.key("units").integer(update.units).key("oversold").integer(update.oversold);
        out.end_object();
    });
}

core::WebResponse add_shipment(Call& call) {
    Body body(call.request.body, {"number", "carrier", "url"});
    store::Shipment shipment;
    shipment.number = bounded_text(body, "number", 1, kMaxShipmentNumber, true);
    shipment.carrier = body.optional_string("carrier").value_or("");
    shipment.url = body.optional_string("url").value_or("");
    const auto order_id = path_id(call, 0);
    return result_reply(
        call, call.store.orders().add_shipment(order_id, shipment, call.caller.actor(), call.now),
        order_id);
}

core::WebResponse set_paid(Call& call) {
    Body body(call.request.body, {"paid"});
    const auto order_id = path_id(call, 0);
    return result_reply(
        call,
        call.store.orders().set_paid(order_id, body.boolean("paid"), call.caller.actor(), call.now),
        order_id);
}

core::WebResponse add_comment(Call& call) {
    Body body(call.request.body, {"text"});
    // Trimmed, so that a comment of spaces is refused.
    const auto text = bounded_text(body, "text", 1, kMaxComment, true);
    const auto order_id = path_id(call, 0);
    return result_reply(
        call, call.store.orders().add_staff_comment(order_id, text, call.caller.actor(), call.now),
        order_id);
}

}  // namespace admin::api::orders
