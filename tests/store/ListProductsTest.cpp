// list_products: every filter in SQL before paging, totals, sorting, hostile filter values.
#include <gtest/gtest.h>

#include "SmallShop.h"
#include "core/Text.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using store_tests::zl;
using testing_support::TempDb;

namespace {

class ListProducts : public testing::Test {
  protected:
    void SetUp() override { must(store_->catalog().import(small_shop(), nullptr, nullptr)); }

    std::vector<store::Id> ids(const store::ProductFilter& f, store::Slice slice = {}) {
        std::vector<store::Id> out;
        for (auto& row : store_->catalog().list_products(f, slice).rows) out.push_back(row.id);
        return out;
    }
    std::int64_t total(const store::ProductFilter& f) {
        return store_->catalog().list_products(f, {0, 1}).total;
    }
    store::ProductFilter named(const std::string& text) {
        store::ProductFilter f;
        f.name_folded = core::fold_case(text);
        return f;
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    using Ids = std::vector<store::Id>;
};

}  // namespace

TEST_F(ListProducts, WithoutFiltersListsAllBaseProductsById) {
    auto page = store_->catalog().list_products({}, {});
    EXPECT_EQ(page.total, 5);
    ASSERT_EQ(page.rows.size(), 5u);  // never the variants as entries
    EXPECT_EQ(page.rows[0].name, "Kubek ceramiczny 330 ml");
    EXPECT_EQ(page.rows[0].sku, "KUB-1");
    EXPECT_EQ(page.rows[0].ean, "5901234123457");
    EXPECT_EQ(page.rows[0].price, zl(3490));
    EXPECT_EQ(page.rows[0].quantity, 10);
    EXPECT_EQ(page.rows[1].price, zl(4900));  // promotional price reported
    EXPECT_EQ(page.rows[2].quantity, 7);      // sum of the variants' stock
}

TEST_F(ListProducts, PromoPriceCanBeSwitchedOff) {
    store::StoreOptions options = TempDb::test_options();
    options.use_promo_price = false;
    store_.reset();
    auto plain = db_.open(options);
    EXPECT_EQ(plain->catalog().list_products({}, {}).rows[1].price, zl(5900));
}

TEST_F(ListProducts, CategoryIncludesDescendants) {
    store::ProductFilter f;
    f.category_id = 1;  // Dom i ogród
    EXPECT_EQ(ids(f), (Ids{1, 3, 4, 5}));
    f.category_id = 2;  // Kuchnia
    EXPECT_EQ(ids(f), (Ids{1, 3}));
    f.category_id = 3;  // Kubki, a leaf
    EXPECT_EQ(ids(f), (Ids{1}));
    f.category_id = 999;
    EXPECT_EQ(total(f), 0);
}

TEST_F(ListProducts, IdAndIdListFilters) {
    store::ProductFilter f;
    f.id = 2;
    EXPECT_EQ(ids(f), (Ids{2}));
    f.id.reset();
    f.ids = Ids{5, 1, 42};
    EXPECT_EQ(ids(f), (Ids{1, 5}));
    f.ids = Ids{};
    EXPECT_EQ(total(f), 0);  // an empty list means none, not all
}

TEST_F(ListProducts, EanAndSkuMatchProductOrAnyVariant) {
    store::ProductFilter f;
    f.ean = "5901234123457";
    EXPECT_EQ(ids(f), (Ids{1}));
    f.ean = "5900000000029";  // the EAN of variant "Niebieski M"
    EXPECT_EQ(ids(f), (Ids{3}));
    f.ean.reset();
    f.sku = "KOS-1-R";  // a variant SKU returns its base product
    EXPECT_EQ(ids(f), (Ids{3}));
    f.sku = "KOS";  // exact, not a prefix
    EXPECT_EQ(total(f), 0);
    f.sku = "R%_1";
    EXPECT_EQ(ids(f), (Ids{5}));
}

TEST_F(ListProducts, NameSearchIsCaseInsensitiveForPolishLetters) {
    EXPECT_EQ(ids(named("żółw")), (Ids{2}));
    EXPECT_EQ(ids(named("ŻÓŁW")), (Ids{2}));
    EXPECT_EQ(ids(named("ŁYŻKA")), (Ids{4}));
    EXPECT_EQ(ids(named("BAWEŁNIANA")), (Ids{3}));
    EXPECT_EQ(ids(named("kubek")), (Ids{1}));
    EXPECT_EQ(ids(named("330 ML")), (Ids{1}));
    EXPECT_EQ(total(named("xyz")), 0);
}

TEST_F(ListProducts, SqlMetacharactersAreLiteralAndChangeNothing) {
    for (std::string hostile : {"' OR 1=1 --", "%", "_", "\"; DROP TABLE products; --", "*"}) {
        EXPECT_EQ(total(named(hostile)), hostile == "%" || hostile == "_" ? 1 : 0) << hostile;
        store::ProductFilter f;
        f.sku = hostile;
        EXPECT_EQ(total(f), 0) << hostile;
        f.sku.reset();
        f.ean = hostile;
        EXPECT_EQ(total(f), 0) << hostile;
    }
    EXPECT_EQ(ids(named("%_")), (Ids{5}));  // only the towel has a literal "%_"
    EXPECT_EQ(store_->catalog().product_count(), 5);
    EXPECT_EQ(store_->catalog().list_products({}, {}).rows[0].name, "Kubek ceramiczny 330 ml");
}

TEST_F(ListProducts, PriceBoundsAreInclusiveOnTheReportedPrice) {
    store::ProductFilter f;
    f.price_from = zl(4900);  // Żółw is 59.00 but reports its 49.00 promotion
    f.price_to = zl(7999);
    EXPECT_EQ(ids(f), (Ids{2, 3}));
    f.price_from = zl(4901);
    EXPECT_EQ(ids(f), (Ids{3}));
}

TEST_F(ListProducts, QuantityBoundsUseTheStockRule) {
    store::ProductFilter f;
    f.quantity_from = 7;
    f.quantity_to = 10;
    EXPECT_EQ(ids(f), (Ids{1, 3, 5}));  // product 3 reports 3 + 4
    f.quantity_from = 0;
    f.quantity_to = 0;
    EXPECT_EQ(ids(f), (Ids{2}));
}

TEST_F(ListProducts, ActiveFilter) {
    store::ProductFilter f;
    f.active = false;
    EXPECT_EQ(ids(f), (Ids{4}));
    f.active = true;
    EXPECT_EQ(ids(f), (Ids{1, 2, 3, 5}));
}

TEST_F(ListProducts, FiltersCombineAndApplyBeforePaging) {
    store::ProductFilter f;
    f.category_id = 1;
    f.active = true;
    f.price_from = zl(3000);
    EXPECT_EQ(total(f), 2);  // 1 and 3; the cheap towel is not counted
    auto first = store_->catalog().list_products(f, {0, 1});
    auto second = store_->catalog().list_products(f, {1, 1});
    auto past = store_->catalog().list_products(f, {2, 1});
    EXPECT_EQ(first.rows.size(), 1u);
    EXPECT_EQ(first.rows[0].id, 1);
    EXPECT_EQ(second.rows[0].id, 3);
    EXPECT_TRUE(past.rows.empty());
    EXPECT_EQ(past.total, 2);
}

TEST_F(ListProducts, SortsEachFieldBothWaysWithIdAsTiebreaker) {
    store::ProductFilter f;
    // Case-folded, then by code point (not Polish collation): koszulka, kubek, ręcznik,
    // łyżka (U+0142), żółw (U+017C).
    f.sort = store::SortField::Name;
    EXPECT_EQ(ids(f), (Ids{3, 1, 5, 4, 2}));
    f.descending = true;
    EXPECT_EQ(ids(f), (Ids{2, 4, 5, 1, 3}));
    f.sort = store::SortField::Price;  // 34.90, 49.00 (promo), 79.99, 9.99, 25.00
    f.descending = false;
    EXPECT_EQ(ids(f), (Ids{4, 5, 1, 2, 3}));
    f.descending = true;
    EXPECT_EQ(ids(f), (Ids{3, 2, 1, 5, 4}));
    f.sort = store::SortField::Quantity;  // 10, 0, 7, 100, 7
    f.descending = false;
    EXPECT_EQ(ids(f), (Ids{2, 3, 5, 1, 4}));
    f.descending = true;
    EXPECT_EQ(ids(f), (Ids{4, 1, 5, 3, 2}));
    f.sort = store::SortField::Id;
    EXPECT_EQ(ids(f), (Ids{5, 4, 3, 2, 1}));
}
