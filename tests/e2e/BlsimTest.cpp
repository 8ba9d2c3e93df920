// blsim against a real blconnect: every conformance check passes (with --write), and a sync
// cycle with 200 simulated marketplace orders verifies and leaves exactly those orders in the shop.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "e2e/BlsimRun.h"
#include "e2e/Shop.h"
#include "support/TestServer.h"

namespace e2e {
namespace {

// Orders that BaseLinker added (OrderAdd), as the shop's staff would list them.
std::vector<store::OrderSummary> baselinker_orders(const test::TestServer& server) {
    store::OrderListQuery query;
    query.origin = store::OrderOrigin::BaseLinker;
    query.limit = 100000;
    return server.open_second_store()->orders().list_orders(query);
}

std::set<std::int64_t> distinct_baselinker_ids(const std::vector<store::OrderSummary>& orders) {
    std::set<std::int64_t> ids;
    for (const auto& order : orders) {
        if (order.baselinker_id) ids.insert(*order.baselinker_id);
    }
    return ids;
}

TEST(E2e, BlsimCheckWritePassesAgainstBlconnect) {
    auto server = make_shop();
    TempDir dir;
    auto outcome = run_blsim(check_args(shop_url(*server), server->password(), dir.file("r.json")));
    EXPECT_EQ(outcome.code, 0) << outcome.output;

    auto report = read_report(dir.file("r.json"));
    ASSERT_GT(report.size(), 20u) << "no usable --json report\n" << outcome.output;
    for (const auto& [id, check] : report) {
        EXPECT_NE(check.verdict, "fail") << id << ": " << check.detail;
    }
    for (const char* id :
         {"envelope.shape", "catalog.list.paging", "catalog.key0", "orders.add.exactly_once",
          "orders.get.id_from_strict", "write.php_encodings", "orders.add.php_encodings"}) {
        EXPECT_EQ(verdict_of(report, id), "pass") << id;
    }
}

TEST(E2e, BlsimSyncVerifiesACycleWith200Orders) {
    auto server = make_shop();
    TempDir state;
    std::string target =
        shop_url(*server) + " --password " + server->password() + " --state " + state.path();

    auto first = run_blsim("sync " + target + " --orders 200");
    ASSERT_EQ(first.code, 0) << first.output;
    auto orders = baselinker_orders(*server);
    EXPECT_EQ(orders.size(), 200u);
    EXPECT_EQ(distinct_baselinker_ids(orders).size(), 200u);  // one shop order per sale
    EXPECT_FALSE(std::filesystem::is_empty(state.path())) << "no state saved to resume from";

    // The next cycle resumes from the saved state: it still verifies, and adds only its own.
    auto second = run_blsim("sync " + target + " --orders 20");
    EXPECT_EQ(second.code, 0) << second.output;
    orders = baselinker_orders(*server);
    EXPECT_EQ(orders.size(), 220u);
    EXPECT_EQ(distinct_baselinker_ids(orders).size(), 220u);
}

}  // namespace
}  // namespace e2e
