// `blconnect order bind ID LINE (--product P [--variant V] | --free) [--quantity N] [--price X]`:
// staff correct one line of a held order (LINE counts from 1, as `order show` numbers them).
// Each value given resolves that line's problems of the same kind.
#include <iostream>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"

namespace app {

using namespace order_cli;

namespace {

core::Result<store::LineCorrection> correction_of(const OrderBindOptions& o) {
    store::LineCorrection c;
    if (o.free && o.product) {
        return core::Status::invalid_field("product", "give --product or --free, not both");
    }
    if (o.variant && !o.product) {
        return core::Status::invalid_field("variant", "--variant needs --product");
    }
    c.product_id = o.product;
    c.variant_id = o.variant.value_or(0);
    c.free = o.free;
    c.quantity = o.quantity;
    if (!o.price.empty()) {
        c.unit_price = core::Money::parse(o.price);
        if (!c.unit_price) {
            return core::Status::invalid_field(
                "price", "--price " + o.price + " is not an amount like 12.34");
        }
    }
    if (!c.product_id && !c.free && !c.quantity && !c.unit_price) {
        return core::Status::invalid_field(
            "product", "nothing to correct: give --product, --free, --quantity or --price");
    }
    return c;
}

}  // namespace

int cmd_order_bind(const OrderBindOptions& options) {
    auto correction = correction_of(options);
    if (!correction) return report(correction.status());
    auto session = open_session(options);
    auto& orders = session.store->orders();
    const auto status = orders.correct_held_line(options.order_id, options.line - 1, *correction,
                                                 kActor, now_utc());
    if (!status.ok()) return report(status);
    std::cout << "order " << options.order_id << " line " << options.line << " corrected\n";
    const auto order = orders.order_detail(options.order_id);
    if (!order || !order->hold) return 0;
    for (const auto& p : open_problems(*order->hold)) std::cout << "  still open: " << p << "\n";
    if (!blocks_release(*order->hold)) {
        std::cout << "nothing blocks the release now: blconnect order release " << options.order_id
                  << "\n";
    }
    return 0;
}

}  // namespace app
