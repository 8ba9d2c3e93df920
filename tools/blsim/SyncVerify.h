#pragma once
// Verification of a sync cycle: the shop must report back exactly what BaseLinker pushed, take
// exactly the ordered stock, and never let an order slip past the incremental poll.
#include <set>
#include <string>
#include <vector>

#include "blsim/Client.h"
#include "blsim/SyncCatalog.h"
#include "blsim/SyncState.h"

namespace blsim {

using Problems = std::vector<std::string>;

// Reads every order in state.orders back with OrdersGet order_id and compares.
std::string verify_orders(Client& client, bool progress, const SyncState& state,
                          Problems& problems);

// stock_after = stock_before - ordered, for every ordered unit and its product's key "0".
std::string verify_stock(Client& client, bool progress, const StockMap& before,
                         const StockMap& ordered, Problems& problems);

// Orders added by earlier runs with an id above the previous id_from must have been polled.
std::string verify_poll(const SyncState& state, const std::string& previous_id_from,
                        std::size_t previous_orders, const std::set<std::string>& seen,
                        Problems& problems);

}  // namespace blsim
