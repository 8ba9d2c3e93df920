#pragma once
// What a sync run remembers between runs (DIR/state.json), like BaseLinker remembers per shop:
// where the incremental order poll stopped, and the orders it added with exactly what it pushed.
#include <cstdint>
#include <string>
#include <vector>

#include "blsim/Orders.h"

namespace blsim {

struct AddedOrder {
    std::string order_id;
    SimOrder pushed;
    // The OrderUpdates sent afterwards ("" = not sent yet).
    std::string status_id, tracking, carrier, tracking_url, paid;
};

struct SyncState {
    std::string id_from = "0";   // last order id seen by OrdersGet
    std::int64_t time_from = 0;  // unix seconds; 0 = never polled
    std::uint64_t counter = 0;   // simulated orders generated so far: baselinker_id and seed
    // baselinker_id = id_base + counter; chosen once per state so that two state directories
    // run against one shop do not collide on the shop's unique baselinker_id.
    std::uint64_t id_base = 0;
    std::vector<AddedOrder> orders;
};

// A missing file is a fresh state; a malformed one throws std::runtime_error.
SyncState load_state(const std::string& dir);
// Writes DIR/state.json atomically (temporary file, fsync, rename), creating DIR if needed.
void save_state(const std::string& dir, const SyncState& state);

}  // namespace blsim
