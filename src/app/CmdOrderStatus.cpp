// `blconnect order status ID STATUS`: staff move an order to another status (by id or name).
// Entering a status flagged cancelled gives the order's stock back; leaving it takes it again. An
// order on hold moves on only by `order release` (or a cancelled status).
#include <iostream>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"

namespace app {

using namespace order_cli;

int cmd_order_status(const OrderStatusOptions& options) {
    auto session = open_session(options);
    auto& orders = session.store->orders();
    auto before = orders.order_detail(options.order_id);
    if (!before) return unknown_order(options.order_id);
    auto statuses = session.store->lookups().order_statuses();
    auto status = find_status(statuses, options.status);
    if (!status) return unknown_status(statuses, options.status);
    auto update = orders.set_status(options.order_id, status->id, kActor, now_utc());
    if (update.result == store::UpdateResult::UnknownOrder) return unknown_order(options.order_id);
    if (update.result == store::UpdateResult::UnknownStatus) {
        return unknown_status(statuses, options.status);
    }
    if (update.result == store::UpdateResult::OnHold) {
        const std::string id = std::to_string(options.order_id);
        return report(core::Status::conflict(
            "status", before->held ? "order " + id +
                                         " is on hold: correct its lines (order bind) and "
                                         "release it first (order release " +
                                         id + "), or cancel it"
                                   : "the hold status is set by the order inbox only"));
    }
    std::cout << "order " << options.order_id << ": status ";
    if (update.result == store::UpdateResult::Unchanged) {
        std::cout << "already " << status->name << "; nothing changed\n";
        return 0;
    }
    std::cout << status_name(statuses, before->status_id) << " → " << status->name;
    if (update.stock_returned) std::cout << "; stock returned: " << update.units << " unit(s)";
    if (update.stock_retaken) {
        std::cout << "; stock taken again: " << update.units << " unit(s)";
        if (update.oversold > 0) std::cout << ", " << update.oversold << " oversold";
    }
    if (status->flag && !update.stock_returned && before->stock_returned) {
        std::cout << "; stock was already returned earlier";
    }
    std::cout << "\n";
    return 0;
}

}  // namespace app
