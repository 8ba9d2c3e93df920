// Failures injected at the store's database port (store/engine/Faults.h), on both backends: a
// statement that fails, a commit that fails, a deadlock, a transaction the database drops. What
// a user would notice: an order is stored exactly once with its stock taken once, or not at
// all with the stock as it was — never half.
#include <latch>
#include <memory>
#include <thread>

#include "OrdersTest.h"
#include "store/engine/EngineStore.h"
#include "store/sqlite/SqlitePort.h"

using namespace store_tests;
using Kind = store::AddOrderResult::Kind;
using store::engine::Faults;

namespace {

class FaultsTest : public OrdersTest {
  protected:
    void SetUp() override {
        OrdersTest::SetUp();
        port().inject(faults_);
    }
    void TearDown() override { port().inject(nullptr); }

    store::engine::Port& port() {
        return dynamic_cast<store::engine::EngineStore&>(*store_).port();
    }

    std::shared_ptr<Faults> faults_ = std::make_shared<Faults>();
};

TEST_F(FaultsTest, AFailingStatementInAnOrderAddLeavesNoOrderAndNoStockTaken) {
    const std::int64_t mugs = stock(1), red = stock(3, red_);
    faults_->fail_statement("INSERT INTO order_lines", Faults::Kind::Error);
    EXPECT_THROW(add(bl_order(5001, {line(1, 0, 2), line(3, red_, 1)})), store::StoreError);
    EXPECT_EQ(faults_->fired(), 1);
    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock(1), mugs);
    EXPECT_EQ(stock(3, red_), red);

    // BaseLinker sends it again: now it is stored once and takes the stock once.
    auto again = add(bl_order(5001, {line(1, 0, 2), line(3, red_, 1)}));
    EXPECT_EQ(again.kind, Kind::Created);
    EXPECT_EQ(add(bl_order(5001, {line(1, 0, 2)})).kind, Kind::Duplicate);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(1), mugs - 2);
    EXPECT_EQ(stock(3, red_), red - 1);
}

TEST_F(FaultsTest, AFailingCommitOfAStockBatchChangesNothing) {
    const std::int64_t mugs = stock(1);
    faults_->fail_commit();
    std::vector<store::StockChange> changes{{0, 1, 0, store::StockOp::Set, 77}};
    EXPECT_THROW(store_->catalog().apply_stock_changes(changes), store::StoreError);
    EXPECT_EQ(stock(1), mugs);
    EXPECT_EQ(store_->catalog().apply_stock_changes(changes).applied, 1);
    EXPECT_EQ(stock(1), 77);
}

TEST_F(FaultsTest, AFailingStatementInACancellationReturnsNoStock) {
    auto created = add(bl_order(5101, {line(1, 0, 2)}));
    const std::int64_t after_order = stock(1);
    faults_->fail_statement("INSERT INTO order_status_history", Faults::Kind::Error);
    EXPECT_THROW(orders().set_status(created.order_id, 6, "staff", kNow), store::StoreError);
    EXPECT_EQ(stock(1), after_order);
    EXPECT_FALSE(get(created.order_id).stock_returned);
    // The cancellation done again returns the stock, once.
    EXPECT_TRUE(orders().set_status(created.order_id, 6, "staff", kNow).stock_returned);
    EXPECT_EQ(stock(1), after_order + 2);
}

TEST_F(FaultsTest, ADeadlockIsRunAgainAndTheOrderTakesStockOnce) {
    if (testing_support::TempDb::postgres() == false)
        GTEST_SKIP() << "SQLite has one writer at a time: nothing deadlocks, nothing is retried";
    const std::int64_t mugs = stock(1), red = stock(3, red_);
    faults_->fail_statement("UPDATE variants SET stock", Faults::Kind::Retryable, 2);
    auto r = add(bl_order(5201, {line(1, 0, 1), line(3, red_, 2)}));
    EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_EQ(faults_->fired(), 2);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(get(r.order_id).lines.size(), 2u);
    EXPECT_EQ(stock(1), mugs - 1);
    EXPECT_EQ(stock(3, red_), red - 2);
}

TEST_F(FaultsTest, ADeadlockThatNeverClearsFailsTheOrderAddWithoutATrace) {
    if (testing_support::TempDb::postgres() == false)
        GTEST_SKIP() << "SQLite has one writer at a time: nothing deadlocks, nothing is retried";
    const std::int64_t red = stock(3, red_);
    faults_->fail_statement("UPDATE variants SET stock", Faults::Kind::Retryable, 100);
    EXPECT_THROW(add(bl_order(5301, {line(3, red_, 1)})), store::engine::RetryableError);
    EXPECT_EQ(faults_->fired(), 5);  // every attempt, then the error reaches the caller
    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock(3, red_), red);
}

// PostgreSQL: a poller waits for the order adds in flight before it reads (no order may be
// skipped), but an add that is itself stuck must not stall it: OrdersGet answers with the
// orders settled before, and shows the stuck one once it is committed.
TEST_F(FaultsTest, AStuckOrderAddDoesNotStallOrdersGet) {
    if (testing_support::TempDb::postgres() == false)
        GTEST_SKIP() << "SQLite: ids commit in order, a reader never waits for a writer";
    const auto first = add(bl_order(5401, {line(3, red_, 1)}));
    ASSERT_EQ(orders().orders_page({}, {0, 100}).orders.size(), 1u);  // settled: `first`

    // Another transaction holds the stock row the next order needs.
    auto holder = port().acquire();
    holder->begin(store::engine::TxKind::Write);
    holder->prepare("SELECT quantity FROM products WHERE id = 1 FOR NO KEY UPDATE").run();
    std::thread stuck([&] { add(bl_order(5402, {line(1, 0, 1)})); });
    // Wait until the add holds its id lock (and so is stuck on the row).
    auto watcher = port().acquire();
    for (;;) {
        auto st = watcher->prepare(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND mode = 'ShareLock'"
            " AND granted");
        st.step_row();
        if (st.integer(0) == 1) break;
        std::this_thread::yield();
    }
    auto page = orders().orders_page({}, {0, 100});
    ASSERT_EQ(page.orders.size(), 1u);
    EXPECT_EQ(page.orders[0].id, first.order_id);

    holder->rollback();
    stuck.join();
    EXPECT_EQ(orders().orders_page({}, {0, 100}).orders.size(), 2u);
}

// SQLite's group commit: a batch whose shared transaction is lost (the database dropped it,
// or its COMMIT failed) runs every write again on its own, so each gets its own outcome.
class GroupCommitFaultsTest : public FaultsTest {
  protected:
    void SetUp() override {
        if (testing_support::TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: group commit";
        FaultsTest::SetUp();
    }

    // Adds the orders on their own threads, all in one batch behind a held leader.
    std::vector<store::AddOrderResult> in_one_batch(const std::vector<store::OrderInput>& orders) {
        auto& group = dynamic_cast<store::sqlite::SqlitePort&>(port()).group_commit();
        std::latch holding(1), release(1);
        std::thread leader([&] {
            group.run([&](store::engine::Connection&) {
                holding.count_down();
                release.wait();
                return false;
            });
        });
        holding.wait();
        std::vector<store::AddOrderResult> results(orders.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < orders.size(); ++i)
            threads.emplace_back([&, i] {
                try {
                    results[i] = add(orders[i]);
                } catch (const store::StoreError&) {
                    results[i].kind = Kind::Rejected;  // marks "threw" for the test
                }
            });
        while (group.queued() < orders.size()) std::this_thread::yield();
        release.count_down();
        leader.join();
        for (auto& t : threads) t.join();
        return results;
    }
};

TEST_F(GroupCommitFaultsTest, ALostTransactionInABatchRunsEachWriteAloneAndLosesNone) {
    const std::int64_t mugs = stock(1);
    faults_->fail_statement("INSERT INTO order_lines", Faults::Kind::LoseTransaction);
    auto results = in_one_batch({bl_order(6001, {line(1, 0, 1)}), bl_order(6002, {line(1, 0, 1)}),
                                 bl_order(6003, {line(1, 0, 1)})});
    EXPECT_EQ(faults_->fired(), 1);
    for (const auto& r : results) EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_EQ(order_count(), 3);
    EXPECT_EQ(stock(1), mugs - 3);
}

TEST_F(GroupCommitFaultsTest, AFailedBatchCommitRunsEachWriteAloneAndLosesNone) {
    const std::int64_t mugs = stock(1);
    faults_->fail_commit();  // the first commit is the batch's own
    auto results = in_one_batch({bl_order(6101, {line(1, 0, 1)}), bl_order(6102, {line(1, 0, 2)})});
    EXPECT_EQ(faults_->fired(), 1);
    for (const auto& r : results) EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_EQ(order_count(), 2);
    EXPECT_EQ(stock(1), mugs - 3);
}

}  // namespace
