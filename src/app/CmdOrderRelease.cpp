// `blconnect order release ID`: ends the hold of an order once its blocking problems are resolved.
// The order moves to the default status of the order policy in force (the one a new BaseLinker
// order gets) and takes its stock then, oversells recorded.
#include <iostream>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"

namespace app {

using namespace order_cli;

int cmd_order_release(const OrderIdOptions& options) {
    auto session = open_session(options);
    const auto policy = order_policy_in_force(session);
    auto released = session.store->orders().release_held_order(
        options.order_id, policy.default_status, kActor, now_utc());
    if (!released) return report(released.status());
    const auto statuses = session.store->lookups().order_statuses();
    std::cout << "order " << options.order_id << " released: status "
              << status_name(statuses, released->status_id) << "; stock taken: " << released->units
              << " unit(s)";
    if (released->oversold > 0) std::cout << ", " << released->oversold << " oversold";
    if (released->free_lines > 0) std::cout << "; " << released->free_lines << " free line(s)";
    std::cout << "\n";
    return 0;
}

}  // namespace app
