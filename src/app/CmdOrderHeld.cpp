// `blconnect order held`: the order inbox — BaseLinker orders stored on hold because blconnect
// could not turn them into normal shop orders — with what is still open on each, so that staff
// know what to bind or correct (`order bind`) before `order release`.
#include <iostream>

#include <fmt/format.h>

#include "app/CmdOrder.h"

namespace app {

using namespace order_cli;

int cmd_order_held(const OrderHeldOptions& options) {
    auto session = open_session(options);
    auto& orders = session.store->orders();
    store::OrderListQuery query;
    query.held = true;
    query.limit = options.last;
    const auto held = orders.list_orders(query);
    if (held.empty()) {
        std::cout << "no orders on hold\n";
        return 0;
    }
    for (const auto& summary : held) {
        std::cout << fmt::format(
            "order {}  BaseLinker {}  {}  {}  {}\n", summary.id,
            summary.baselinker_id ? std::to_string(*summary.baselinker_id) : "-",
            utc_time(summary.date_add), summary.buyer.empty() ? "-" : summary.buyer,
            amount(summary.total, summary.currency));
        const auto order = orders.order_detail(summary.id);
        const auto problems =
            order && order->hold ? open_problems(*order->hold) : std::vector<std::string>{};
        for (const auto& p : problems) std::cout << "  " << p << "\n";
        if (problems.empty())
            std::cout << "  nothing open: release it (order release " << summary.id << ")\n";
    }
    return 0;
}

}  // namespace app
