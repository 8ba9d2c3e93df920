// `blconnect order paid ID [--unpaid]`: staff mark an order paid (e.g. a bank transfer arrived,
// a COD parcel was paid for) or take the mark back.
#include <iostream>

#include "app/CmdOrder.h"

namespace app {

using namespace order_cli;

int cmd_order_paid(const OrderPaidOptions& options) {
    auto session = open_session(options);
    auto& orders = session.store->orders();
    bool paid = !options.unpaid;
    auto result = orders.set_paid(options.order_id, paid, kActor, now_utc());
    if (result == store::UpdateResult::UnknownOrder) return unknown_order(options.order_id);
    std::cout << "order " << options.order_id << ": ";
    if (result == store::UpdateResult::Unchanged) {
        std::cout << "already " << (paid ? "paid" : "unpaid") << "; nothing changed\n";
        return 0;
    }
    std::cout << (paid ? "unpaid → paid" : "paid → unpaid");
    if (paid) {
        auto order = orders.order_detail(options.order_id);
        if (order) std::cout << " (paid_time " << utc_time(order->paid_time) << ")";
    }
    std::cout << "\n";
    return 0;
}

}  // namespace app
