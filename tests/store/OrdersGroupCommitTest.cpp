// Group commit of order adds: writes that meet in one batch share a transaction, yet each keeps
// its own outcome. The test holds the leader inside a batch until the writes under test have
// queued behind it, so they are certain to form the next batch (no timing involved).
#include <latch>
#include <optional>
#include <stdexcept>
#include <thread>

#include "OrdersTest.h"
#include "store/engine/Orders.h"
#include "store/sqlite/SqlitePort.h"

using namespace store_tests;
using Kind = store::AddOrderResult::Kind;
using store::engine::Connection;
using store::sqlite::GroupCommit;

namespace {

class GroupCommitTest : public OrdersTest {
  protected:
    void SetUp() override {
        if (testing_support::TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: group commit";
        OrdersTest::SetUp();
        auto options = testing_support::TempDb::test_options();
        options.pool_size = 4;
        port_.emplace(db_.path(), options, store::sqlite::OpenMode::Open);
        grouped_.emplace(*port_);
    }

    // Runs every write on its own thread, all in one batch of the group commit; returns the
    // number of transactions committed meanwhile (the holding batch's and theirs: 2).
    std::uint64_t in_one_batch(const std::vector<std::function<void()>>& writes) {
        GroupCommit& group = port_->group_commit();
        std::uint64_t before = group.commits();
        std::latch holding(1), release(1);
        std::thread leader([&] {
            group.run(GroupCommit::Work([&](Connection&) {
                holding.count_down();
                release.wait();
                return true;
            }));
        });
        holding.wait();
        std::vector<std::thread> threads;
        for (const auto& write : writes) threads.emplace_back(write);
        while (group.queued() < writes.size()) std::this_thread::yield();
        release.count_down();
        leader.join();
        for (auto& t : threads) t.join();
        return group.commits() - before;
    }

    store::AddOrderResult grouped_add(const store::OrderInput& o) {
        return grouped_->add_baselinker_order(o, std::nullopt, options_, kNow);
    }

    // A second order store on the same file, whose group commit the test can reach.
    std::optional<store::sqlite::SqlitePort> port_;
    std::optional<store::engine::Orders> grouped_;
};

TEST_F(GroupCommitTest, SameOrderTwiceInOneBatchIsCreatedOnceThenDuplicate) {
    auto order = bl_order(9001, {line(1, 0, 3), line(3, red_, 1)});
    std::int64_t product_before = stock(1), red_before = stock(3, red_);
    store::AddOrderResult a, b;
    EXPECT_EQ(in_one_batch({[&] { a = grouped_add(order); }, [&] { b = grouped_add(order); }}), 2u);
    // Either may have been first in the batch; the second hit the first's UNIQUE key.
    if (a.kind == Kind::Duplicate) std::swap(a, b);
    EXPECT_EQ(a.kind, Kind::Created);
    EXPECT_EQ(b.kind, Kind::Duplicate);
    EXPECT_EQ(b.order_id, a.order_id);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(1), product_before - 3);
    EXPECT_EQ(stock(3, red_), red_before - 1);
}

TEST_F(GroupCommitTest, FailingWritesInABatchLoseNoOtherWrite) {
    std::int64_t product_before = stock(1), other_before = stock(4);
    auto broken = bl_order(9102, {line(1, 0, 5), line(4, 0, 0)});  // quantity 0: CHECK fails
    auto unknown = bl_order(9103, {line(1, 0, 1), line(999'999, 0, 1)});
    store::AddOrderOptions reject = options_;
    reject.unknown_products = store::UnknownProducts::Reject;
    store::AddOrderResult first, rejected, shop;
    bool broken_threw = false, work_threw = false;
    auto commits = in_one_batch({
        [&] { first = grouped_add(bl_order(9101, {line(1, 0, 2)})); },
        [&] {
            try {
                grouped_add(broken);
            } catch (const store::StoreError&) {
                broken_threw = true;
            }
        },
        [&] { rejected = grouped_->add_baselinker_order(unknown, std::nullopt, reject, kNow); },
        [&] {
            // A write that changes stock and then throws something that is not a store error.
            try {
                port_->group_commit().run(GroupCommit::Work([](Connection& conn) -> bool {
                    conn.exec("UPDATE products SET quantity = 0");
                    throw std::runtime_error("failing write");
                }));
            } catch (const std::runtime_error&) {
                work_threw = true;
            }
        },
        [&] {
            shop = grouped_->create_shop_order(bl_order(std::nullopt, {line(4, 0, 1)}), options_,
                                               kNow);
        },
    });
    EXPECT_EQ(commits, 2u);  // the failures did not break up the batch
    EXPECT_TRUE(broken_threw);
    EXPECT_TRUE(work_threw);
    EXPECT_EQ(first.kind, Kind::Created);
    EXPECT_EQ(rejected.kind, Kind::Rejected);
    EXPECT_EQ(shop.kind, Kind::Created);
    EXPECT_EQ(order_count(), 2);
    EXPECT_EQ(get(first.order_id).lines.size(), 1u);
    EXPECT_EQ(get(shop.order_id).lines.size(), 1u);
    // Only the two orders took stock; the failed and rejected writes left nothing behind.
    EXPECT_EQ(stock(1), product_before - 2);
    EXPECT_EQ(stock(4), other_before - 1);
    EXPECT_EQ(add(bl_order(9102, {line(1, 0, 1)})).kind, Kind::Created);
    EXPECT_EQ(add(bl_order(9103, {line(1, 0, 1)})).kind, Kind::Created);
}

TEST_F(GroupCommitTest, LoneWriterCommitsItsOwnTransaction) {
    GroupCommit& group = port_->group_commit();
    std::uint64_t before = group.commits();
    auto r = grouped_add(bl_order(9201, {line(1, 0, 1)}));
    EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_EQ(group.commits() - before, 1u);
    EXPECT_EQ(grouped_add(bl_order(9201, {line(1, 0, 1)})).order_id, r.order_id);
    EXPECT_EQ(group.commits() - before, 1u);  // a duplicate alone writes nothing, commits nothing
}

}  // namespace
