// The mass-change guard (store::HeldChanges): each rule trips above its threshold and not at it,
// 0 switches it off, a held batch changes nothing and is kept whole, staff apply exactly what was
// held or discard it (once), and a re-sent identical batch is counted, not held again.
#include <gtest/gtest.h>

#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

constexpr std::int64_t kNow = 1'700'000'000;

// Ids 1..99: active products with stock 5 at 10.00; 100: active, variants 3 + 3; 101: inactive,
// stock 5. 100 active products.
store::ImportBatch catalogue() {
    store::ImportBatch batch;
    for (int i = 1; i <= 101; ++i) {
        store::ImportProduct p;
        p.external_id = "P" + std::to_string(i);
        p.name = "Produkt " + std::to_string(i);
        p.price = core::Money::from_minor(1000);
        p.stock = 5;
        p.active = i != 101;
        if (i == 100) {
            for (const char* v : {"S", "M"}) {
                store::ImportVariant variant;
                variant.external_id = p.external_id + v;
                variant.name = v;
                variant.price = core::Money::from_minor(1000);
                variant.stock = 3;
                p.variants.push_back(variant);
            }
        }
        batch.products.push_back(p);
    }
    return batch;
}

class Held : public testing::Test {
  protected:
    void SetUp() override {
        must(store_->catalog().import(catalogue(), nullptr, nullptr));
        const store::Id ids[] = {100};
        auto p = store_->catalog().product_details(ids, {}).at(0);
        small_ = p.variants.at(0).id;
        medium_ = p.variants.at(1).id;
    }
    store::HeldChanges& held() { return store_->held_changes(); }
    std::int64_t quantity(store::Id id) {
        const store::Id ids[] = {id};
        return store_->catalog().product_details(ids, {}).at(0).quantity;
    }
    core::Money price(store::Id id) {
        const store::Id ids[] = {id};
        return store_->catalog().product_details(ids, {}).at(0).price;
    }
    // `zeroed` products (from id 1) set to 0, then entries setting 5 up to `entries` in all.
    static std::vector<store::StockChange> zeroing(int zeroed, int entries) {
        std::vector<store::StockChange> changes;
        for (int i = 0; i < entries; ++i)
            changes.push_back({std::size_t(i), i + 1, 0, store::StockOp::Set, i < zeroed ? 0 : 5});
        return changes;
    }
    store::GuardedResult stock(std::vector<store::StockChange> changes,
                               store::GuardRules rules = {}) {
        for (std::size_t i = 0; i < changes.size(); ++i) changes[i].entry = i;
        return held().submit_stock(changes, rules, kNow);
    }
    store::GuardedResult prices(std::vector<store::PriceChange> changes,
                                store::GuardRules rules = {}) {
        for (std::size_t i = 0; i < changes.size(); ++i) changes[i].entry = i;
        return held().submit_prices(changes, rules, kNow);
    }
    static store::PriceChange to(store::Id product, std::int64_t minor) {
        return {0, product, 0, core::Money::from_minor(minor)};
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    store::Id small_ = 0, medium_ = 0;
};

}  // namespace

TEST_F(Held, ZeroingMoreThanTheShareHoldsTheBatchAndChangesNothing) {
    auto r = stock(zeroing(31, 50));
    ASSERT_TRUE(r.held);
    EXPECT_EQ(r.result.applied, 0);
    EXPECT_EQ(r.held->rule, "zeroed_share");
    EXPECT_EQ(r.held->summary, "31 of 100 active products would be set to 0");
    EXPECT_EQ(r.held->entry_count, 50);
    EXPECT_EQ(r.held->state, store::HeldState::Held);
    EXPECT_EQ(quantity(1), 5);
    EXPECT_EQ(held().held_count(), 1);
}

TEST_F(Held, ZeroingExactlyTheShareIsApplied) {
    auto r = stock(zeroing(30, 50));
    EXPECT_FALSE(r.held);
    EXPECT_EQ(r.result.applied, 50);
    EXPECT_EQ(quantity(1), 0);
    EXPECT_EQ(quantity(30), 0);
    EXPECT_EQ(held().held_count(), 0);
}

TEST_F(Held, BatchesBelowTheMinimumSizeAreNeverHeldForZeroing) {
    auto r = stock(zeroing(49, 49));
    EXPECT_FALSE(r.held);
    EXPECT_EQ(quantity(49), 0);
}

TEST_F(Held, AProductWithVariantsCountsOnceWhenAllItsStockGoesToZero) {
    auto both = zeroing(30, 48);
    both.push_back({0, 100, small_, store::StockOp::Change, -10});  // clamped to 0
    both.push_back({0, 100, medium_, store::StockOp::Set, 0});
    auto r = stock(both);
    ASSERT_TRUE(r.held);
    EXPECT_EQ(r.held->summary, "31 of 100 active products would be set to 0");
}

TEST_F(Held, AProductWithStockLeftInAVariantIsNotZeroed) {
    auto one = zeroing(30, 48);
    one.push_back({0, 100, small_, store::StockOp::Set, 0});
    one.push_back({0, 100, small_, store::StockOp::Change, -1});  // the same variant again
    EXPECT_FALSE(stock(one).held);
    EXPECT_EQ(quantity(100), 3);
}

TEST_F(Held, InactiveProductsDoNotCount) {
    auto changes = zeroing(30, 49);
    changes.push_back({0, 101, 0, store::StockOp::Set, 0});
    EXPECT_FALSE(stock(changes).held);
    EXPECT_EQ(quantity(101), 0);
}

TEST_F(Held, ZeroSwitchesTheZeroedRuleOff) {
    store::GuardRules rules;
    rules.zeroed_share_percent = 0;
    auto r = stock(zeroing(99, 99), rules);
    EXPECT_FALSE(r.held);
    EXPECT_EQ(quantity(99), 0);
}

TEST_F(Held, APriceBelowTheFloorHoldsTheWholeBatch) {
    auto r = prices({to(2, 1200), to(1, 99)});  // 0.99 < 10 % of 10.00
    ASSERT_TRUE(r.held);
    EXPECT_EQ(r.held->rule, "price_factor");
    EXPECT_EQ(r.held->tripped, 1);
    EXPECT_EQ(r.held->out_of, 2);
    EXPECT_EQ(price(2), core::Money::from_minor(1000));  // nothing of the batch applied
    EXPECT_EQ(price(1), core::Money::from_minor(1000));
}

TEST_F(Held, PricesAtTheFloorAndAtTheCeilingAreApplied) {
    auto r = prices({to(1, 100), to(2, 10000)});  // exactly 10 % and exactly 10x
    EXPECT_FALSE(r.held);
    EXPECT_EQ(r.result.applied, 2);
    EXPECT_EQ(price(1), core::Money::from_minor(100));
    EXPECT_EQ(price(2), core::Money::from_minor(10000));
}

TEST_F(Held, APriceAboveTheCeilingHoldsTheBatch) {
    EXPECT_TRUE(prices({to(1, 10001)}).held);
    EXPECT_EQ(price(1), core::Money::from_minor(1000));
}

TEST_F(Held, ZeroSwitchesEachPriceBoundOff) {
    store::GuardRules no_floor;
    no_floor.price_floor_percent = 0;
    EXPECT_FALSE(prices({to(1, 1)}, no_floor).held);
    EXPECT_TRUE(prices({to(2, 10001)}, no_floor).held);
    store::GuardRules no_ceiling;
    no_ceiling.price_ceiling_factor = 0;
    EXPECT_FALSE(prices({to(3, 1'000'000)}, no_ceiling).held);
    EXPECT_EQ(price(3), core::Money::from_minor(1'000'000));
}

TEST_F(Held, ApplyingAppliesExactlyWhatWasHeldOnce) {
    auto r = stock(zeroing(40, 50));
    ASSERT_TRUE(r.held);
    auto detail = held().detail(r.held->id);
    ASSERT_TRUE(detail);
    ASSERT_EQ(detail->stock.size(), 50u);
    EXPECT_EQ(detail->stock[3].product_id, 4);
    EXPECT_EQ(detail->stock[3].quantity, 0);
    EXPECT_EQ(detail->stock[45].quantity, 5);

    auto applied = held().apply(r.held->id, "admin:anna", kNow + 60);
    ASSERT_TRUE(applied.ok()) << applied.status().message();
    EXPECT_EQ(applied->applied, 50);
    EXPECT_EQ(quantity(40), 0);
    EXPECT_EQ(quantity(41), 5);
    auto after = held().detail(r.held->id);
    EXPECT_EQ(after->state, store::HeldState::Applied);
    EXPECT_EQ(after->decided_by, "admin:anna");
    EXPECT_EQ(after->decided_at, kNow + 60);
    EXPECT_EQ(after->applied, 50);
    EXPECT_EQ(held().held_count(), 0);

    auto twice = held().apply(r.held->id, "admin:anna", kNow + 61);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.status().code(), core::Code::Conflict);
    EXPECT_EQ(held().discard(r.held->id, "admin:anna", kNow).code(), core::Code::Conflict);
    EXPECT_EQ(held().apply(999, "admin:anna", kNow).status().code(), core::Code::NotFound);
}

TEST_F(Held, ApplyingAHeldPriceBatchSetsItsPrices) {
    auto r = prices({to(1, 50), to(2, 1100)});
    ASSERT_TRUE(r.held);
    auto applied = held().apply(r.held->id, "admin:anna", kNow);
    ASSERT_TRUE(applied.ok());
    EXPECT_EQ(applied->applied, 2);
    EXPECT_EQ(price(1), core::Money::from_minor(50));
    EXPECT_EQ(price(2), core::Money::from_minor(1100));
}

TEST_F(Held, DiscardingChangesNothingAndIsFinal) {
    auto r = stock(zeroing(50, 50));
    ASSERT_TRUE(r.held);
    ASSERT_TRUE(held().discard(r.held->id, "admin:ewa", kNow).ok());
    EXPECT_EQ(quantity(1), 5);
    auto after = held().detail(r.held->id);
    EXPECT_EQ(after->state, store::HeldState::Discarded);
    EXPECT_EQ(after->decided_by, "admin:ewa");
    EXPECT_EQ(held().discard(r.held->id, "admin:ewa", kNow).code(), core::Code::Conflict);
    EXPECT_EQ(held().apply(r.held->id, "admin:ewa", kNow).status().code(), core::Code::Conflict);
    EXPECT_EQ(held().discard(12345, "admin:ewa", kNow).code(), core::Code::NotFound);
}

TEST_F(Held, AReSentIdenticalBatchIsCountedNotHeldAgain) {
    auto first = stock(zeroing(40, 50));
    auto second = stock(zeroing(40, 50));
    ASSERT_TRUE(first.held && second.held);
    EXPECT_EQ(second.held->id, first.held->id);
    EXPECT_EQ(second.held->resends, 1);
    EXPECT_EQ(held().list(store::HeldState::Held, 10).size(), 1u);

    auto other = stock(zeroing(41, 50));  // a different batch is held on its own
    ASSERT_TRUE(other.held);
    EXPECT_NE(other.held->id, first.held->id);
    EXPECT_EQ(held().held_count(), 2);

    // Once decided, the same batch sent again is judged afresh (and held again).
    ASSERT_TRUE(held().discard(first.held->id, "admin:anna", kNow).ok());
    auto later = stock(zeroing(40, 50));
    ASSERT_TRUE(later.held);
    EXPECT_NE(later.held->id, first.held->id);
    EXPECT_EQ(later.held->resends, 0);
    EXPECT_EQ(held().list(std::nullopt, 10).size(), 3u);
    EXPECT_EQ(held().list(std::nullopt, 10).front().id, later.held->id);  // newest first
}
