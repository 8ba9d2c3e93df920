// Orders under concurrency: exactly-once OrderAdd through one store and through separate handles
// on the same file, and pollers following id_from that never miss an order.
#include <atomic>
#include <set>
#include <thread>

#include "OrdersTest.h"

using namespace store_tests;
using Kind = store::AddOrderResult::Kind;

namespace {

struct Tally {
    std::atomic<int> created{0}, duplicates{0}, errors{0};
    std::mutex mutex;
    std::set<store::Id> ids;

    void count(const store::AddOrderResult& r) {
        if (r.kind == Kind::Created) ++created;
        if (r.kind == Kind::Duplicate) ++duplicates;
        std::lock_guard lock(mutex);
        ids.insert(r.order_id);
    }
};

constexpr int kThreads = 32;

// Runs `add(thread index)` from kThreads threads at once; each sends the same order.
template <class Add>
void add_concurrently(Tally& tally, Add add) {
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([&, i] {
            try {
                tally.count(add(i));
            } catch (const std::exception&) {
                ++tally.errors;
            }
        });
    for (auto& t : threads) t.join();
}

// One order, every other send a Duplicate of it.
void expect_one_order(const Tally& tally) {
    EXPECT_EQ(tally.errors, 0);
    EXPECT_EQ(tally.created, 1);
    EXPECT_EQ(tally.duplicates, kThreads - 1);
    EXPECT_EQ(tally.ids.size(), 1u);
}

TEST_F(OrdersTest, SameBaselinkerIdFromManyThreadsMakesOneOrder) {
    auto order = bl_order(7001, {line(1, 0, 3), line(3, red_, 1)});
    Tally tally;
    add_concurrently(tally, [&](int) { return add(order); });
    expect_one_order(tally);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(1), 7);  // stock taken once
    EXPECT_EQ(stock(3, red_), 2);
}

TEST_F(OrdersTest, SameBaselinkerIdThroughSeparateHandlesMakesOneOrder) {
    auto order = bl_order(7001, {line(1, 0, 3), line(3, red_, 1)});
    std::vector<std::unique_ptr<store::Store>> handles;
    for (int i = 0; i < kThreads; ++i) handles.push_back(db_.open());
    Tally tally;
    add_concurrently(tally, [&](int i) {
        return handles[i]->orders().add_baselinker_order(order, std::nullopt, options_, kNow);
    });
    expect_one_order(tally);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(1), 7);  // stock taken once
    EXPECT_EQ(stock(3, red_), 2);
}

// Writers add BaseLinker and storefront orders while pollers ask for id > last seen id, as
// BaseLinker does: every poller must see every order exactly once, in ascending order.
TEST_F(OrdersTest, PollersFollowingIdFromSeeEveryOrderExactlyOnce) {
    constexpr int kWriters = 4, kPerWriter = 50, kPollers = 4;
    std::atomic<int> writers_left{kWriters}, errors{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w)
        threads.emplace_back([&, w] {
            try {
                for (int i = 0; i < kPerWriter; ++i) {
                    auto o = bl_order(100'000 + w * kPerWriter + i, {line(4, 0, 1)});
                    if (i % 3 == 0)
                        orders().create_shop_order(o, options_, kNow);
                    else
                        add(o);
                }
            } catch (const std::exception&) {
                ++errors;
            }
            --writers_left;
        });
    std::vector<std::vector<store::Id>> seen(kPollers);
    for (int p = 0; p < kPollers; ++p)
        threads.emplace_back([&, p] {
            try {
                store::Id last = 0;
                for (;;) {
                    bool writers_done = writers_left == 0;  // read before polling
                    store::OrderQuery q;
                    q.id_from = last;
                    auto page = orders().orders_page(q, {0, 7});
                    for (const auto& o : page.orders) seen[p].push_back(last = o.id);
                    if (page.orders.empty() && writers_done) break;
                }
            } catch (const std::exception&) {
                ++errors;
            }
        });
    for (auto& t : threads) t.join();
    ASSERT_EQ(errors, 0);
    auto all = orders().orders_page({}, {0, 1000});
    ASSERT_EQ(all.total, kWriters * kPerWriter);
    std::vector<store::Id> expected;
    for (const auto& o : all.orders) expected.push_back(o.id);
    for (int p = 0; p < kPollers; ++p) EXPECT_EQ(seen[p], expected) << "poller " << p;
    EXPECT_EQ(stock(4), 0);  // 200 ordered, 100 in stock
}

}  // namespace
