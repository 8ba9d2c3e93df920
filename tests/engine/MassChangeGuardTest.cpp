// The mass-change guard's rules without a database (store/engine/MassChangeGuard.h): which
// batches are held, with the figures staff see. The store suite checks the same on both backends.
#include "store/engine/MassChangeGuard.h"

#include <gtest/gtest.h>

#include <limits>

using store::engine::judge_prices;
using store::engine::judge_stock;
using store::engine::StockFigures;

namespace {

store::StockChange set(store::Id product, std::int64_t quantity) {
    return {0, product, 0, store::StockOp::Set, quantity};
}

// Ten active products with stock 4 each.
StockFigures ten_products(std::size_t entries) {
    StockFigures f;
    f.current.assign(entries, 4);
    for (store::Id id = 1; id <= 10; ++id) f.products[id] = {4, true};
    f.active_products = 10;
    return f;
}

TEST(MassChangeGuard, ZeroingMoreThanTheShareIsHeldWithItsFigures) {
    store::GuardRules rules;
    rules.zeroed_min_entries = 4;
    std::vector<store::StockChange> batch = {set(1, 0), set(2, 0), set(3, 0), set(4, 0)};
    auto verdict = judge_stock(batch, ten_products(4), rules);
    ASSERT_TRUE(verdict);
    EXPECT_EQ(verdict->summary, "4 of 10 active products would be set to 0");
    batch[3] = set(4, 1);
    EXPECT_FALSE(judge_stock(batch, ten_products(4), rules));  // 3 of 10 is not more than 30 %
}

TEST(MassChangeGuard, AnEntryThatWouldBeSkippedZeroesNothing) {
    store::GuardRules rules;
    rules.zeroed_min_entries = 1;
    std::vector<store::StockChange> batch = {set(1, 0), set(2, 0), set(3, 0), set(4, 0)};
    auto figures = ten_products(4);
    figures.current[0] = std::nullopt;  // unknown product
    EXPECT_FALSE(judge_stock(batch, figures, rules));
}

TEST(MassChangeGuard, HugePricesDoNotOverflowTheComparison) {
    const std::vector<store::PriceChange> batch = {
        {0, 1, 0, core::Money::from_minor(std::numeric_limits<std::int64_t>::max())}};
    const std::vector<std::optional<std::int64_t>> current = {
        std::numeric_limits<std::int64_t>::max() / 2};
    EXPECT_FALSE(judge_prices(batch, current, store::GuardRules{}));
    const std::vector<std::optional<std::int64_t>> tiny = {1};
    EXPECT_TRUE(judge_prices(batch, tiny, store::GuardRules{}));
}

}  // namespace
