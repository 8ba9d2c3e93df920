// The store is shared by request threads: readers and writers at once through the pool.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using testing_support::TempDb;

TEST(Concurrency, ReadersAlwaysSeeTheStockRuleWhileWritersChangeStock) {
    TempDb db;
    auto options = TempDb::test_options();
    options.pool_size = 3;  // fewer connections than threads: callers wait for one
    auto s = db.init(options);
    must(s->catalog().import(small_shop(), nullptr, nullptr));
    std::vector<store::Id> ids{3};
    auto variants = s->catalog().product_details(ids, {}).at(0).variants;

    std::atomic<int> violations{0}, errors{0};
    auto writer = [&](store::Id variant) {
        try {
            for (int i = 0; i < 40; ++i) {
                std::vector<store::StockChange> c{{0, 3, variant, store::StockOp::Change, 1}};
                s->catalog().apply_stock_changes(c);
            }
        } catch (const std::exception&) {
            ++errors;
        }
    };
    auto reader = [&] {
        try {
            for (int i = 0; i < 60; ++i) {
                auto d = s->catalog().product_details(ids, {}).at(0);
                std::int64_t sum = 0;
                for (auto& v : d.variants) sum += v.quantity;
                if (sum != d.quantity) ++violations;
            }
        } catch (const std::exception&) {
            ++errors;
        }
    };
    std::vector<std::thread> threads;
    threads.emplace_back(writer, variants[0].id);
    threads.emplace_back(writer, variants[1].id);
    for (int i = 0; i < 3; ++i) threads.emplace_back(reader);
    for (auto& t : threads) t.join();

    EXPECT_EQ(errors, 0);
    EXPECT_EQ(violations, 0);
    EXPECT_EQ(s->catalog().product_details(ids, {}).at(0).quantity, 7 + 80);
}
