#pragma once
// What is measured: request scenarios, full sweeps, and the concurrency run.
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "Client.h"
#include "Stats.h"

namespace bench {

using Rng = std::mt19937_64;

// What the server holds, learned through the protocol itself (page counts, every product id).
struct Catalogue {
    std::int64_t products = 0;
    std::int64_t variants = 0;
    std::int64_t list_pages = 0, stock_pages = 0, price_pages = 0, name_pages = 0;
    std::vector<std::int64_t> ids;  // ascending, from a full ProductsQuantity sweep
};

Catalogue discover(Client& client, const std::string& filter_name);

struct Scenario {
    std::string label;
    std::string action;
    std::function<Fields(Rng&)> fields;
    // Extra validation of the (untimed) warm-up replies; may be empty.
    std::function<void(const std::string& body, const Fields& sent)> check;
};

std::vector<Scenario> catalogue_scenarios(const Catalogue& catalogue,
                                          const std::string& filter_name);
// The scenario the concurrency run repeats (random ProductsList pages).
Scenario list_page_scenario(const Catalogue& catalogue);
// A random ProductsQuantity page of the shop behind `client` (asks it for the page count).
Scenario stock_page_scenario(Client& client);

Summary run_scenario(Client& client, const Scenario& scenario, int warmup, int iterations,
                     Rng& rng);

// `repeats` sequential sweeps of `action` pages 1..pages; wall time of each.
std::vector<double> run_sweeps(Client& client, const std::string& action, std::int64_t pages,
                               int repeats);

// `threads` clients, each with its own connection, `per_thread` requests after `warmup`;
// latencies of all threads, throughput over the common wall time.
Summary run_concurrent(std::uint16_t port, const std::string& password, const Scenario& scenario,
                       int threads, int warmup, int per_thread);
// The same, thread t talking to ports[t % ports.size()] (several servers on one database).
Summary run_concurrent(const std::vector<std::uint16_t>& ports, const std::string& password,
                       const Scenario& scenario, int threads, int warmup, int per_thread);

}  // namespace bench
