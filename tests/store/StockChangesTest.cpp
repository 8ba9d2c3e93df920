// apply_stock_changes / apply_price_changes: skip rules, clamping, the stock rule, one transaction.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <limits>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using store_tests::zl;
using testing_support::TempDb;

namespace {

class Changes : public testing::Test {
  protected:
    void SetUp() override {
        must(store_->catalog().import(small_shop(), nullptr, nullptr));
        auto koszulka = detail(3);
        red_ = koszulka.variants.at(0).id;
        blue_ = koszulka.variants.at(1).id;
    }
    store::ProductDetail detail(store::Id id) {
        std::vector<store::Id> ids{id};
        return store_->catalog().product_details(ids, {}).at(0);
    }
    store::BatchResult stock(std::vector<store::StockChange> changes) {
        for (std::size_t i = 0; i < changes.size(); ++i) changes[i].entry = i;
        return store_->catalog().apply_stock_changes(changes);
    }
    store::BatchResult prices(std::vector<store::PriceChange> changes) {
        for (std::size_t i = 0; i < changes.size(); ++i) changes[i].entry = i;
        return store_->catalog().apply_price_changes(changes);
    }
    static store::StockChange set(store::Id p, store::Id v, std::int64_t q) {
        return {0, p, v, store::StockOp::Set, q};
    }
    static store::StockChange change(store::Id p, store::Id v, std::int64_t q) {
        return {0, p, v, store::StockOp::Change, q};
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    store::Id red_ = 0, blue_ = 0;
};

}  // namespace

TEST_F(Changes, ProductQuantityIsTheSumOfItsVariantsAfterChanges) {
    auto r = stock({set(3, red_, 10), change(3, blue_, -1)});
    EXPECT_EQ(r.applied, 2);
    EXPECT_TRUE(r.notes.empty());
    auto koszulka = detail(3);
    EXPECT_EQ(koszulka.variants[0].quantity, 10);
    EXPECT_EQ(koszulka.variants[1].quantity, 3);
    EXPECT_EQ(koszulka.quantity, 13);
    EXPECT_EQ(store_->catalog().stock_page({2, 1}).rows.at(0).quantity, 13);
    store::ProductFilter f;
    f.id = 3;
    EXPECT_EQ(store_->catalog().list_products(f, {}).rows.at(0).quantity, 13);
}

TEST_F(Changes, SimpleProductStockSetAndChange) {
    auto r = stock({set(1, 0, 50), change(1, 0, 5), change(1, 0, -20)});
    EXPECT_EQ(r.applied, 3);
    EXPECT_EQ(detail(1).quantity, 35);  // applied in order
}

TEST_F(Changes, BadEntriesAreSkippedWithReasonsAndTheRestApplies) {
    store::Id other_variant = red_;
    auto r = stock({set(99, 0, 1),             // unknown product
                    set(3, 0, 5),              // product with variants
                    set(1, other_variant, 5),  // variant of another product
                    set(3, 123456, 5),         // unknown variant
                    set(1, 0, -4),             // negative set
                    set(5, 0, 70)});
    EXPECT_EQ(r.applied, 1);
    ASSERT_EQ(r.notes.size(), 5u);
    EXPECT_EQ(r.notes[0].entry, 0u);
    EXPECT_FALSE(r.notes[0].applied);
    EXPECT_EQ(r.notes[0].reason, "unknown product 99");
    EXPECT_EQ(r.notes[1].reason, "product 3 has variants");
    EXPECT_NE(r.notes[2].reason.find("unknown variant"), std::string::npos);
    EXPECT_NE(r.notes[3].reason.find("unknown variant 123456"), std::string::npos);
    EXPECT_NE(r.notes[4].reason.find("negative"), std::string::npos);
    EXPECT_EQ(detail(1).quantity, 10);
    EXPECT_EQ(detail(3).quantity, 7);
    EXPECT_EQ(detail(5).quantity, 70);
}

TEST_F(Changes, ChangeBelowZeroIsClampedAndNoted) {
    auto r = stock({change(1, 0, -25), change(3, red_, -100)});
    EXPECT_EQ(r.applied, 2);
    ASSERT_EQ(r.notes.size(), 2u);
    EXPECT_TRUE(r.notes[0].applied);
    EXPECT_NE(r.notes[0].reason.find("clamped to 0"), std::string::npos);
    EXPECT_EQ(r.notes[1].entry, 1u);
    EXPECT_EQ(detail(1).quantity, 0);
    auto koszulka = detail(3);
    EXPECT_EQ(koszulka.variants[0].quantity, 0);
    EXPECT_EQ(koszulka.quantity, 4);
}

TEST_F(Changes, BatchIsOneTransaction) {
    // A database failure on the second entry must undo the first one too.
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: the failure is a SQLite trigger";
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_.path().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "CREATE TRIGGER fail_on_666 BEFORE UPDATE OF quantity ON products"
                           " WHEN NEW.quantity = 666 BEGIN SELECT RAISE(ABORT, 'boom'); END",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
    EXPECT_THROW(stock({set(1, 0, 50), set(5, 0, 666)}), store::StoreError);
    EXPECT_EQ(detail(1).quantity, 10);
    EXPECT_EQ(detail(5).quantity, 7);
    EXPECT_EQ(stock({set(1, 0, 50)}).applied, 1);  // the connection is usable afterwards
    EXPECT_EQ(detail(1).quantity, 50);
}

TEST_F(Changes, PricesOfProductsAndVariants) {
    auto r = prices({{0, 1, 0, zl(3999)},
                     {0, 3, 0, zl(7000)},  // own price of a product with variants: allowed
                     {0, 3, blue_, zl(9000)},
                     {0, 3, 777, zl(1000)},
                     {0, 42, 0, zl(1000)},
                     {0, 5, 0, zl(0)}});
    EXPECT_EQ(r.applied, 3);
    ASSERT_EQ(r.notes.size(), 3u);
    EXPECT_EQ(r.notes[0].entry, 3u);
    EXPECT_EQ(r.notes[1].reason, "unknown product 42");
    EXPECT_EQ(r.notes[2].entry, 5u);
    EXPECT_EQ(detail(1).price, zl(3999));
    auto koszulka = detail(3);
    EXPECT_EQ(koszulka.price, zl(7000));
    EXPECT_EQ(koszulka.variants[1].price, zl(9000));
    EXPECT_EQ(detail(5).price, zl(2500));
}

TEST_F(Changes, PriceSetFromOutsideEndsThePromotionSoItIsThePriceReported) {
    ASSERT_EQ(detail(2).price, zl(4900));  // Żółw: 59.00 with a 49.00 promotion
    auto r = prices({{0, 2, 0, zl(5500)}});
    EXPECT_EQ(r.applied, 1);
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_TRUE(r.notes[0].applied);
    EXPECT_EQ(r.notes[0].reason, "promotional price removed");
    EXPECT_EQ(detail(2).price, zl(5500));
}

TEST_F(Changes, StockStaysWithinZeroAndTheMaximum) {
    auto r = stock({set(1, 0, store::kMaxStock + 1), set(5, 0, store::kMaxStock), change(5, 0, 1),
                    change(3, red_, store::kMaxStock),
                    change(1, 0, std::numeric_limits<std::int64_t>::max())});
    EXPECT_EQ(r.applied, 3);
    ASSERT_EQ(r.notes.size(), 4u);
    EXPECT_FALSE(r.notes[0].applied);
    EXPECT_NE(r.notes[0].reason.find("above the maximum 1000000000"), std::string::npos);
    EXPECT_TRUE(r.notes[1].applied);
    EXPECT_NE(r.notes[1].reason.find("clamped to 1000000000"), std::string::npos);
    EXPECT_NE(r.notes[2].reason.find("clamped to 1000000000"), std::string::npos);
    EXPECT_FALSE(r.notes[3].applied);  // outside 64 bits: nobody meant it
    EXPECT_EQ(r.notes[3].reason, "quantity out of range");
    EXPECT_EQ(detail(1).quantity, 10);
    EXPECT_EQ(detail(5).quantity, store::kMaxStock);
    EXPECT_EQ(detail(3).variants[0].quantity, store::kMaxStock);
}
