#pragma once
// The order benchmark (blc_bench --orders): OrderAdd throughput sequentially and from many
// clients, OrdersGet pages on a database of many orders, and what survives a kill -9.
#include <atomic>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "OrdersData.h"
#include "Report.h"
#include "Scenarios.h"

namespace bench {

// BaseLinker order ids unique across runs on the same database: seconds since the epoch times a
// million, counted up (a run sends far fewer than a million orders).
std::int64_t first_baselinker_id();

struct FillResult {
    std::int64_t before = 0;  // orders already in the database
    std::int64_t added = 0;
    double seconds = 0;
};

// Adds orders through the store API (one transaction each, as OrderAdd does, without stock; four
// threads) until the database holds `target`. Runs before the server starts.
FillResult fill_orders(store::Store& store, std::int64_t target, const std::vector<SaleItem>& items,
                       std::atomic<std::int64_t>& next_id);

// OrderAdd of a new realistic order per request (unique baselinker_id, change_products_quantity=1);
// the warm-up checks the answer is {"order_id": "..."} and that a re-send returns the same id.
Scenario order_add_scenario(const std::vector<SaleItem>& items, std::atomic<std::int64_t>& next_id);

// Sends one new order twice; throws BenchError unless both answers carry the same order id
// (exactly once: a re-send must not make a second order).
void check_resend_returns_same_id(Client& client, const Scenario& add, Rng& rng);

struct OrderRange {
    std::int64_t min_id = 0, max_id = 0, total = 0;
};

// What OrdersGet is asked by a poller (id_from), a full import (page) and a status check
// (order_id), on the orders of `range`; the warm-up answers are checked (counts, "pages", ids).
std::vector<Scenario> orders_get_scenarios(const OrderRange& range);

// The ids and the number of orders in the database at `db` (read through the store API).
OrderRange order_range(const std::string& db);

struct CrashResult {
    int acknowledged = 0;
    int present_after_restart = 0;
    std::size_t audit_differences = 0;  // `blconnect stock audit` on the database afterwards
};

// `count` OrderAdds, each acknowledged, then `kill_server` (kill -9) at once; then counts how
// many of the acknowledged orders the database at `db` holds when opened again.
CrashResult run_crash(Client& client, const Scenario& add, int count,
                      const std::function<void()>& kill_server, const std::string& db);

struct OrdersResults {
    Machine machine;
    std::string build_type, server_version, db_path;
    std::string store = "SQLite WAL + synchronous=FULL";  // the backend as the report names it
    std::int64_t db_bytes = 0, products = 0, orders_at_get = 0;
    FillResult fill;
    int clients = 0;
    Summary add_sequential, add_concurrent;
    std::vector<std::pair<std::string, Summary>> gets;
    CrashResult crash;
    bool crash_run = false;
    // --servers N: each scenario with the same clients on one server, then spread over N.
    struct ScaleOut {
        std::string label;
        Summary one, many;
    };
    int servers = 1, scale_clients = 0;
    std::vector<ScaleOut> scale_out;
    MemoryUse memory;
    ExitStatus exit;
};

void print_orders_report(std::ostream& out, const OrdersResults& r);

}  // namespace bench
