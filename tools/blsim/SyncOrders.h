#pragma once
// The order half of a sync cycle: lookup lists, the incremental OrdersGet poll, the simulated
// marketplace orders (OrderAdd) and the OrderUpdates BaseLinker sends on them afterwards.
#include <set>
#include <string>
#include <vector>

#include "blsim/Client.h"
#include "blsim/Orders.h"
#include "blsim/SyncCatalog.h"
#include "blsim/SyncState.h"

namespace blsim {

std::string sync_lists(Client& client, ShopLists& lists);

// OrdersGet from state.id_from / state.time_from, every page; advances both in `state`.
// `seen` receives every order id returned.
std::string poll_orders(Client& client, bool progress, SyncState& state,
                        std::set<std::string>& seen);

// Adds `count` simulated orders; appends them to state.orders (from index `first`) and their
// quantities to `ordered`. Reserves the baselinker ids in the saved state before sending.
std::string add_orders(Client& client, bool progress, const std::string& state_dir, int count,
                       const Catalog& catalog, const ShopLists& lists, SyncState& state,
                       StockMap& ordered);

// Status, tracking-number and paid OrderUpdates on state.orders[first..].
std::string update_orders(Client& client, bool progress, const ShopLists& lists, SyncState& state,
                          std::size_t first);

}  // namespace blsim
