// `blconnect order ship ID --number N [--carrier C] [--url U]`: records a shipment as a courier
// module would; BaseLinker sees the latest one as delivery_package_nr / _module.
#include <iostream>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"

namespace app {

using namespace order_cli;

int cmd_order_ship(const OrderShipOptions& options) {
    if (options.number.empty()) {
        return report(core::Status::invalid_field("number", "--number must not be empty"));
    }
    auto session = open_session(options);
    store::Shipment shipment{options.number, options.carrier, options.url, 0};
    auto result =
        session.store->orders().add_shipment(options.order_id, shipment, kActor, now_utc());
    if (result == store::UpdateResult::UnknownOrder) return unknown_order(options.order_id);
    std::cout << "order " << options.order_id << ": shipment " << options.number;
    if (!options.carrier.empty()) std::cout << " (" << options.carrier << ")";
    std::cout << (result == store::UpdateResult::Unchanged
                      ? " is already on the order; nothing changed\n"
                      : " added\n");
    return 0;
}

}  // namespace app
