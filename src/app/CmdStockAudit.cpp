// `blconnect stock audit`: every order's stock ledger against what its lines say they hold
// (docs/orders.md, "The stock ledger"). Prints each difference and exits 1, else one summary
// line and exits 0.
#include <iostream>

#include "app/CmdOrder.h"

namespace app {

using namespace order_cli;

int cmd_stock_audit(const OrderStoreOptions& options) {
    auto session = open_session(options);
    const auto audit = session.store->orders().stock_audit();
    for (const auto& d : audit.differences) {
        std::cout << "order " << d.order_id << ": product " << d.product_id;
        if (d.variant_id != 0) std::cout << " variant " << d.variant_id;
        std::cout << ": the ledger says it holds " << d.ledger_held << ", its lines say "
                  << d.lines_held << "\n";
    }
    std::cout << "stock audit: " << audit.orders << " order(s), " << audit.entries
              << " ledger entries: ";
    if (!audit.differences.empty()) {
        std::cout << audit.differences.size() << " difference(s)\n";
        return 1;
    }
    std::cout << "every order holds what its ledger says\n";
    return 0;
}

}  // namespace app
