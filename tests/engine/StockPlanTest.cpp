// The stock rule of an order without a database (store/engine/StockPlan.h): what moves, what
// each line took and what it oversold.
#include "store/engine/StockPlan.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

using store::engine::plan_stock;
using store::engine::return_all;
using store::engine::share_lines;
using store::engine::StockKey;
using store::engine::StockMap;
using store::engine::wanted_units;

namespace {

const StockKey kMug{1, 0};        // a product without variants
const StockKey kShirtRed{2, 21};  // a variant
const StockKey kShirtBlue{2, 22};

TEST(StockPlan, NewOrderTakesWhatItWantsWhenInStock) {
    auto plan = plan_stock({}, {{kMug, 3}, {kShirtRed, 1}}, {{kMug, 10}, {kShirtRed, 5}}, true);
    EXPECT_EQ(plan.moves, (StockMap{{kMug, -3}, {kShirtRed, -1}}));
    EXPECT_EQ(plan.holding, (StockMap{{kMug, 3}, {kShirtRed, 1}}));
}

TEST(StockPlan, NeverTakesMoreThanAvailable) {
    auto plan = plan_stock({}, {{kMug, 5}}, {{kMug, 2}}, true);
    EXPECT_EQ(plan.moves, (StockMap{{kMug, -2}}));
    EXPECT_EQ(plan.holding, (StockMap{{kMug, 2}}));
}

TEST(StockPlan, AGoneRowOrNegativeStockGivesNothing) {
    auto plan = plan_stock({}, {{kMug, 2}, {kShirtRed, 1}}, {{kShirtRed, -4}}, true);
    EXPECT_TRUE(plan.moves.empty());
    EXPECT_EQ(plan.holding, (StockMap{{kMug, 0}, {kShirtRed, 0}}));
}

TEST(StockPlan, ReplacementMovesOnlyTheDifference) {
    // Held 3 mugs and 2 red shirts; the new version wants 5 mugs, 1 red and 1 blue shirt.
    StockMap held{{kMug, 3}, {kShirtRed, 2}};
    auto plan = plan_stock(held, {{kMug, 5}, {kShirtRed, 1}, {kShirtBlue, 1}},
                           {{kMug, 1}, {kShirtRed, 0}, {kShirtBlue, 7}}, true);
    EXPECT_EQ(plan.moves, (StockMap{{kMug, -1}, {kShirtRed, 1}, {kShirtBlue, -1}}));
    EXPECT_EQ(plan.holding, (StockMap{{kMug, 4}, {kShirtRed, 1}, {kShirtBlue, 1}}));
}

TEST(StockPlan, ReplacementWithoutAProductGivesItAllBack) {
    auto plan = plan_stock({{kMug, 3}}, {{kShirtRed, 1}}, {{kShirtRed, 1}}, true);
    EXPECT_EQ(plan.moves, (StockMap{{kMug, 3}, {kShirtRed, -1}}));
    EXPECT_EQ(plan.holding, (StockMap{{kMug, 0}, {kShirtRed, 1}}));
}

TEST(StockPlan, WithoutTakingStockNothingMovesAndTheHoldingStays) {
    StockMap held{{kMug, 3}};
    auto plan = plan_stock(held, {{kMug, 9}, {kShirtRed, 1}}, {{kMug, 100}}, false);
    EXPECT_TRUE(plan.moves.empty());
    EXPECT_EQ(plan.holding, held);
}

TEST(StockPlan, ReturnAllGivesBackEveryHeldUnit) {
    EXPECT_EQ(return_all({{kMug, 3}, {kShirtRed, 0}, {kShirtBlue, 2}}),
              (StockMap{{kMug, 3}, {kShirtBlue, 2}}));
}

TEST(StockPlan, WantedUnitsSumLinesOfOneKeyAndSkipUnboundLines) {
    std::vector<std::optional<StockKey>> keys{kMug, std::nullopt, kMug, kShirtRed};
    std::vector<std::int64_t> quantities{2, 7, 3, 1};
    EXPECT_EQ(wanted_units(keys, quantities), (StockMap{{kMug, 5}, {kShirtRed, 1}}));
}

TEST(StockPlan, LinesShareTheHoldingInOrderAndOversellTheRest) {
    std::vector<std::optional<StockKey>> keys{kMug, kMug, std::nullopt, kShirtRed};
    std::vector<std::int64_t> quantities{2, 3, 4, 1};
    auto shares = share_lines(keys, quantities, {{kMug, 4}, {kShirtRed, 1}}, true);
    ASSERT_EQ(shares.size(), 4u);
    EXPECT_EQ(shares[0].taken, 2);
    EXPECT_EQ(shares[0].oversold, 0);
    EXPECT_EQ(shares[1].taken, 2);
    EXPECT_EQ(shares[1].oversold, 1);
    EXPECT_EQ(shares[2].taken, 0);  // not bound to the catalogue: no stock, no oversell
    EXPECT_EQ(shares[2].oversold, 0);
    EXPECT_EQ(shares[3].taken, 1);
    EXPECT_EQ(shares[3].oversold, 0);
}

TEST(StockPlan, WithoutCountingOversellsAShortLineIsJustShort) {
    std::vector<std::optional<StockKey>> keys{kMug};
    std::vector<std::int64_t> quantities{5};
    auto shares = share_lines(keys, quantities, {{kMug, 1}}, false);
    EXPECT_EQ(shares[0].taken, 1);
    EXPECT_EQ(shares[0].oversold, 0);
}

TEST(StockPlan, PlanAndShareTogetherNeverTakeMoreThanStockOrLoseAUnit) {
    // Every combination of small held/wanted/available: stock after = before + move >= 0, and
    // the lines' taken units add up to the holding.
    for (int held = 0; held <= 4; ++held)
        for (int want = 0; want <= 4; ++want)
            for (int avail = 0; avail <= 4; ++avail) {
                StockMap h = held ? StockMap{{kMug, held}} : StockMap{};
                auto plan = plan_stock(h, {{kMug, want}}, {{kMug, avail}}, true);
                const std::int64_t move = plan.moves.count(kMug) ? plan.moves.at(kMug) : 0;
                EXPECT_GE(avail + move, 0);
                EXPECT_EQ(plan.holding.at(kMug), held - move);
                EXPECT_LE(plan.holding.at(kMug), std::max(held, want));
                std::vector<std::optional<StockKey>> keys{kMug};
                std::vector<std::int64_t> q{want};
                auto shares = share_lines(keys, q, plan.holding, true);
                EXPECT_EQ(shares[0].taken + shares[0].oversold, want);
            }
}

}  // namespace
