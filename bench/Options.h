#pragma once
// Command line of blc_bench.
#include <cstdint>
#include <string>

namespace bench {

struct Options {
    std::int64_t products = 100000;
    std::string db;  // default: /tmp/blc-bench-<products>.db, reused when the count matches
    int iterations = 200;
    int warmup = 10;
    std::uint16_t port = 0;  // 0: pick a free loopback port
    bool keep = false;       // keep a database this run created (a reused one is always kept)
    std::string binary;      // the blconnect executable
    std::string filter_name = "kubek";
    int threads = 4;  // client threads of the concurrency scenario
    int sweeps = 5;   // repetitions of each full sweep
    // --orders: the order benchmark (bench/Orders*.cpp) instead of the catalogue one.
    bool orders = false;
    std::int64_t orders_fill = 100000;  // orders in the database before OrdersGet is measured
    int order_adds = 2000;              // sequential OrderAdds; the concurrent run sends twice that
    int order_clients = 16;             // client threads of the concurrent OrderAdd run
    int crash_orders = 200;             // OrderAdds acknowledged before the kill -9 (0 = skip)
    // With --orders and N > 1: also N serve processes on the same database against one
    // (aggregate throughput of the same clients spread over them: the scale-out claim).
    int servers = 1;
    bool help = false;
};

// Throws std::invalid_argument naming the bad option.
Options parse_options(int argc, char** argv);
const char* usage();

}  // namespace bench
