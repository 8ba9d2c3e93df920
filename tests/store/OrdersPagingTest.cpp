// OrdersGet's `pages` and page contents stay exact while the page counts come from per-bucket
// summaries (store/engine/OrderPages.h): compared with a brute-force answer for random filters
// and pages, before and after the summaries exist, after paid changes and replacements in
// place, and with concurrent writers clearing summaries that readers are writing. Buckets of 8
// ids, so that a few hundred orders close many of them.
#include <algorithm>
#include <limits>
#include <random>
#include <thread>

#include "OrdersTest.h"
#include "store/engine/EngineStore.h"
#include "store/engine/Orders.h"

using namespace store_tests;

namespace {

constexpr std::int64_t kSpan = 8;

struct Known {
    store::Id id = 0;
    std::int64_t date_add = 0;
    bool paid = false;
};

class OrdersPaging : public OrdersTest {
  protected:
    void SetUp() override {
        OrdersTest::SetUp();
        dynamic_cast<store::engine::Orders&>(orders()).set_page_span(kSpan);
    }

    // Dates mostly rise with the id (as real orders do) with some noise, so that a time_from
    // falls inside some buckets and some buckets hold dates on both sides of it.
    void add_orders(int count) {
        for (int i = 0; i < count; ++i) {
            const auto n = static_cast<std::int64_t>(known_.size());
            auto o = bl_order(70000 + n, {line(std::nullopt, 0, 1)});
            o.date_add = 1000 + n * 10 + std::uniform_int_distribution<int>(0, 40)(rng_);
            o.paid = std::bernoulli_distribution(0.3)(rng_);
            known_.push_back({add(o).order_id, o.date_add, o.paid});
        }
    }

    Known& at(std::size_t i) { return known_.at(i); }

    // What OrdersGet must answer: every match in id order, sliced.
    std::pair<std::vector<store::Id>, std::int64_t> expected(const store::OrderQuery& q,
                                                             store::Slice s) const {
        std::vector<store::Id> matches;
        for (const Known& k : known_)
            if ((!q.id_from || k.id > *q.id_from) && (!q.time_from || k.date_add >= *q.time_from) &&
                (!q.only_paid || k.paid))
                matches.push_back(k.id);
        std::sort(matches.begin(), matches.end());
        std::vector<store::Id> page;
        for (auto i = s.offset; i < s.offset + s.limit && i < std::ssize(matches); ++i)
            page.push_back(matches[static_cast<std::size_t>(i)]);
        return {page, std::ssize(matches)};
    }

    void expect_page(const store::OrderQuery& q, store::Slice s) {
        auto [ids, total] = expected(q, s);
        auto page = orders().orders_page(q, s);
        std::vector<store::Id> got;
        for (const auto& o : page.orders) got.push_back(o.id);
        const std::string what = "id_from " + (q.id_from ? std::to_string(*q.id_from) : "-") +
                                 " time_from " +
                                 (q.time_from ? std::to_string(*q.time_from) : "-") +
                                 " only_paid " + std::to_string(q.only_paid) + " offset " +
                                 std::to_string(s.offset) + " limit " + std::to_string(s.limit);
        EXPECT_EQ(page.total, total) << what;
        EXPECT_EQ(got, ids) << what;
        for (const auto& o : page.orders) {
            auto it = std::find_if(known_.begin(), known_.end(),
                                   [&](const Known& k) { return k.id == o.id; });
            ASSERT_NE(it, known_.end());
            EXPECT_EQ(o.paid, it->paid) << o.id;
            EXPECT_EQ(o.date_add, it->date_add) << o.id;
        }
    }

    store::OrderQuery random_query() {
        store::OrderQuery q;
        const auto last = known_.empty() ? 0 : known_.back().id;
        if (std::bernoulli_distribution(0.6)(rng_))
            q.id_from = std::uniform_int_distribution<store::Id>(-1, last + 2)(rng_);
        if (std::bernoulli_distribution(0.5)(rng_)) {
            const auto span = static_cast<std::int64_t>(known_.size()) * 10 + 100;
            q.time_from = std::uniform_int_distribution<std::int64_t>(900, 1000 + span)(rng_);
        }
        q.only_paid = std::bernoulli_distribution(0.4)(rng_);
        return q;
    }

    // Random filters, each at its first page, a random page and the page right past the end.
    void check_random(int rounds) {
        for (int r = 0; r < rounds; ++r) {
            auto q = random_query();
            const std::int64_t limit = std::uniform_int_distribution<std::int64_t>(1, 30)(rng_);
            const auto total = expected(q, {0, 1}).second;
            const std::int64_t pages = (total + limit - 1) / limit;
            expect_page(q, {0, limit});
            if (pages > 1)
                expect_page(
                    q, {std::uniform_int_distribution<std::int64_t>(1, pages - 1)(rng_) * limit,
                        limit});
            expect_page(q, {std::max<std::int64_t>(pages, 1) * limit, limit});
        }
    }

    std::mt19937_64 rng_{20261207};
    std::vector<Known> known_;
};

TEST_F(OrdersPaging, RandomFiltersAndPagesMatchABruteForceCount) {
    add_orders(230);
    check_random(40);  // the first pages count from the index and write the summaries
    check_random(60);  // now from the summaries
}

TEST_F(OrdersPaging, EveryPageOfAllOrdersInTurnListsEachOrderOnce) {
    add_orders(150);
    for (int pass = 0; pass < 2; ++pass) {  // without, then with the summaries
        std::vector<store::Id> seen;
        store::OrderQuery all;
        const auto total = orders().orders_page(all, {0, 7}).total;
        EXPECT_EQ(total, 150);
        for (std::int64_t offset = 0; offset < total; offset += 7)
            for (const auto& o : orders().orders_page(all, {offset, 7}).orders)
                seen.push_back(o.id);
        std::vector<store::Id> ids;
        for (const Known& k : known_) ids.push_back(k.id);
        EXPECT_EQ(seen, ids) << "pass " << pass;
    }
}

TEST_F(OrdersPaging, IdFromInsideABucketAndTimeFromInsideABucket) {
    add_orders(100);
    check_random(5);  // summaries written
    store::OrderQuery q;
    q.id_from = at(3 * kSpan + 2).id;  // in the middle of a closed bucket
    expect_page(q, {0, 5});
    expect_page(q, {20, 5});
    q.time_from = at(50).date_add;  // dates of the neighbours straddle it
    expect_page(q, {0, 5});
    expect_page(q, {10, 5});
    q.only_paid = true;
    expect_page(q, {0, 3});
    expect_page(q, {3, 3});
}

TEST_F(OrdersPaging, PaidChangesAreCountedAtOnce) {
    add_orders(120);
    check_random(10);
    store::OrderQuery paid;
    paid.only_paid = true;
    for (std::size_t i : {5u, 17u, 40u, 41u, 42u, 99u, 119u}) {
        Known& k = at(i);
        k.paid = !k.paid;
        EXPECT_EQ(orders().set_paid(k.id, k.paid, "staff", kNow), store::UpdateResult::Applied);
        expect_page(paid, {0, 10});
        expect_page(paid, {30, 10});
    }
    check_random(30);
}

TEST_F(OrdersPaging, ReplacingAnOrderInPlaceMovesItsDateAndPaidFlag) {
    add_orders(120);
    check_random(10);
    for (std::size_t i : {9u, 33u, 64u}) {
        Known& k = at(i);
        auto o = bl_order(70000 + static_cast<std::int64_t>(i), {line(std::nullopt, 0, 2)});
        o.date_add = 5000 + static_cast<std::int64_t>(i);  // later than every other order
        o.paid = !k.paid;
        auto r = orders().add_baselinker_order(o, k.id, options_, kNow);
        ASSERT_EQ(r.kind, store::AddOrderResult::Kind::Replaced);
        ASSERT_EQ(r.order_id, k.id);
        k.date_add = o.date_add;
        k.paid = o.paid;
        store::OrderQuery late;
        late.time_from = 5000;
        expect_page(late, {0, 10});
        late.only_paid = true;
        expect_page(late, {0, 10});
    }
    check_random(30);
}

TEST_F(OrdersPaging, NewOrdersCloseBucketsAndAreCounted) {
    add_orders(3);
    check_random(5);
    for (int step = 0; step < 6; ++step) {
        add_orders(5);  // sometimes inside the open bucket, sometimes closing it
        check_random(5);
    }
}

TEST_F(OrdersPaging, PageNumbersPastTheEndAreEmptyButCounted) {
    add_orders(40);
    store::OrderQuery all;
    auto beyond = orders().orders_page(all, {40, 10});
    EXPECT_TRUE(beyond.orders.empty());
    EXPECT_EQ(beyond.total, 40);
    store::OrderQuery none;
    none.id_from = known_.back().id;
    EXPECT_EQ(orders().orders_page(none, {0, 10}).total, 0);
    none.id_from = std::numeric_limits<store::Id>::max();
    EXPECT_EQ(orders().orders_page(none, {0, 10}).total, 0);
}

// A reader that cannot write its summaries (the database busy or failing) still answers exactly,
// and the summaries are written by the pages after it.
TEST_F(OrdersPaging, PagesAreExactWhenTheSummariesCannotBeWritten) {
    add_orders(120);
    auto faults = std::make_shared<store::engine::Faults>();
    faults->fail_statement("UPDATE order_page_counts SET orders = s.n",
                           store::engine::Faults::Kind::Error, 1000);
    auto& port = dynamic_cast<store::engine::EngineStore&>(*store_).port();
    port.inject(faults);
    check_random(20);
    EXPECT_GT(faults->fired(), 0);  // the pages did try
    port.inject(nullptr);
    check_random(20);
}

// Staff flip paid flags while pollers read pages (and so write summaries): once it is over,
// every count is still exact, whichever interleaving the database chose.
TEST_F(OrdersPaging, ConcurrentPaidChangesNeverLeaveAStaleCount) {
    add_orders(160);
    constexpr int kWriters = 2;
    std::vector<std::jthread> threads;
    for (int w = 0; w < kWriters; ++w)
        threads.emplace_back([this, w] {
            std::mt19937 rng(static_cast<unsigned>(w) + 1);
            for (int i = 0; i < 60; ++i) {
                // Each writer has its own orders, so the final flag of each is known.
                auto n = static_cast<std::size_t>(
                    std::uniform_int_distribution<int>(0, 79)(rng) * kWriters + w);
                Known& k = known_[n];
                k.paid = !k.paid;
                orders().set_paid(k.id, k.paid, "staff", kNow);
            }
        });
    for (int r = 0; r < 2; ++r)
        threads.emplace_back([this, r] {
            store::OrderQuery q;
            q.only_paid = r == 0;
            for (int i = 0; i < 60; ++i) orders().orders_page(q, {(i % 10) * 10, 10});
        });
    threads.clear();
    check_random(40);
}

}  // namespace
