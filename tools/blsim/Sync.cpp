#include "blsim/Sync.h"

#include <cstdio>
#include <ctime>
#include <exception>
#include <set>

#include "blsim/Orders.h"
#include "blsim/SyncCatalog.h"
#include "blsim/SyncOrders.h"
#include "blsim/SyncReport.h"
#include "blsim/SyncState.h"
#include "blsim/SyncVerify.h"

namespace blsim {

namespace {

constexpr int kMaxOrders = 100000;  // bound on --orders
constexpr std::size_t kShownProblems = 50;

struct Run {
    explicit Run(const SyncOptions& o) : options(o), client(o.target), report(client) {}
    const SyncOptions& options;
    Client client;
    SyncReport report;
    SyncState state;
    Catalog catalog;
    ShopLists lists;
    StockMap ordered;
    std::set<std::string> polled;
    Problems problems;
};

void save(Run& run) {
    save_state(run.options.state_dir, run.state);
}

bool catalogue_phases(Run& r) {
    const bool p = r.options.progress;
    return r.report.run("categories", [&] { return sync_categories(r.client, p, r.catalog); }) &&
           r.report.run("products", [&] { return sync_list(r.client, p, r.catalog); }) &&
           r.report.run("product data", [&] { return sync_data(r.client, p, r.catalog); }) &&
           r.report.run("stock", [&] { return sweep_stock(r.client, p, r.catalog.stock); }) &&
           r.report.run("prices", [&] { return sync_prices(r.client, p, r.catalog); });
}

bool order_phases(Run& r, int count, const std::string& previous_id_from, std::size_t previous) {
    const bool p = r.options.progress;
    if (!r.report.run("lists", [&] { return sync_lists(r.client, r.lists); })) return false;
    const bool polled =
        r.report.run("orders poll", [&] { return poll_orders(r.client, p, r.state, r.polled); });
    if (!polled) return false;
    save(r);
    r.report.run("verify poll", [&] {
        return verify_poll(r.state, previous_id_from, previous, r.polled, r.problems);
    });
    if (count == 0) return true;
    const bool added = r.report.run("OrderAdd", [&] {
        return add_orders(r.client, p, r.options.state_dir, count, r.catalog, r.lists, r.state,
                          r.ordered);
    });
    save(r);  // the orders that went through are the shop's now, even after a failure
    if (!added) return false;
    const bool updated = r.report.run(
        "OrderUpdate", [&] { return update_orders(r.client, p, r.lists, r.state, previous); });
    save(r);
    return updated;
}

bool verify_phases(Run& r) {
    const bool p = r.options.progress;
    return r.report.run("verify orders", [&] {
        return verify_orders(r.client, p, r.state, r.problems);
    }) && r.report.run("verify stock", [&] {
        return verify_stock(r.client, p, r.catalog.stock, r.ordered, r.problems);
    });
}

void print_problems(const Problems& problems) {
    if (problems.empty()) return;
    std::printf("\nverification FAILED: %zu differences\n", problems.size());
    for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i)
        std::printf("  %s\n", problems[i].c_str());
    if (problems.size() > kShownProblems)
        std::printf("  ... %zu more\n", problems.size() - kShownProblems);
}

int cycle(Run& r) {
    const std::string previous_id_from = r.state.id_from;
    const std::size_t previous = r.state.orders.size();
    std::printf("blsim sync %s  state %s: id_from %s, %zu orders added before\n",
                r.options.target.url.c_str(), r.options.state_dir.c_str(), previous_id_from.c_str(),
                previous);
    const bool ran = catalogue_phases(r) &&
                     order_phases(r, r.options.orders, previous_id_from, previous) &&
                     verify_phases(r);
    r.report.print();
    print_problems(r.problems);
    if (!ran) return 2;
    if (!r.problems.empty()) return 1;
    std::printf("\nverification passed\n");
    return 0;
}

}  // namespace

int run_sync(const SyncOptions& options) {
    if (options.orders < 0 || options.orders > kMaxOrders) {
        std::fprintf(stderr, "blsim sync: --orders must be 0..%d\n", kMaxOrders);
        return 2;
    }
    try {
        Run run(options);
        run.state = load_state(options.state_dir);
        if (run.state.id_base == 0)
            run.state.id_base = static_cast<std::uint64_t>(std::time(nullptr)) * 1000;
        return cycle(run);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "blsim sync: %s\n", e.what());
        return 2;
    }
}

}  // namespace blsim
