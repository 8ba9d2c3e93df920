// Pages of the whole catalogue (stock, prices, the unfiltered listing) come from a cached id list:
// it must follow products added by this or another handle, and pages must tile the catalogue.
#include <gtest/gtest.h>

#include <set>

#include "records/Demo.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

store::ImportProduct extra_product(const std::string& sku) {
    store::ImportProduct p;
    p.sku = sku;
    p.name = "Dodatkowy produkt " + sku;
    p.price = core::Money::from_minor(1999);
    p.stock = 7;
    return p;
}

std::vector<store::Id> stock_ids(store::Catalog& catalog, std::int64_t page_size) {
    std::vector<store::Id> ids;
    for (std::int64_t offset = 0;; offset += page_size) {
        auto rows = catalog.stock_page({offset, page_size}).rows;
        if (rows.empty()) break;
        for (auto& r : rows) ids.push_back(r.product_id);
    }
    return ids;
}

class Paging : public testing::Test {
  protected:
    void SetUp() override {
        must(store_->catalog().import(records::make_demo_batch(250), nullptr, nullptr));
    }
    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

}  // namespace

TEST_F(Paging, StockAndPricePagesTileTheCatalogueExactlyOnce) {
    auto& catalog = store_->catalog();
    const auto ids = stock_ids(catalog, 40);
    ASSERT_EQ(static_cast<std::int64_t>(ids.size()), catalog.product_count());
    EXPECT_EQ(ids.size(), 250u);
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    EXPECT_EQ(std::set<store::Id>(ids.begin(), ids.end()).size(), ids.size());
    std::vector<store::Id> price_ids;
    for (std::int64_t offset = 0; offset < 250; offset += 40) {
        for (auto& r : catalog.price_page({offset, 40}).rows) price_ids.push_back(r.product_id);
    }
    EXPECT_EQ(price_ids, ids);
    EXPECT_TRUE(catalog.stock_page({250, 40}).rows.empty());
}

TEST_F(Paging, ProductAddedThroughAnotherHandleAppearsOnTheNextPageRead) {
    auto& catalog = store_->catalog();
    ASSERT_EQ(stock_ids(catalog, 100).size(), 250u);  // fills the cache
    {
        auto other = db_.open();
        store::ImportBatch batch;
        batch.products.push_back(extra_product("EXTRA-1"));
        must(other->catalog().import(batch, nullptr, nullptr));
    }
    EXPECT_EQ(catalog.product_count(), 251);
    const auto ids = stock_ids(catalog, 100);
    ASSERT_EQ(ids.size(), 251u);
    auto last = catalog.stock_page({250, 100});
    EXPECT_EQ(last.total, 251);
    ASSERT_EQ(last.rows.size(), 1u);
    EXPECT_EQ(last.rows[0].quantity, 7);
    auto listed = catalog.list_products({}, {250, 100});
    EXPECT_EQ(listed.total, 251);
    ASSERT_EQ(listed.rows.size(), 1u);
    EXPECT_EQ(listed.rows[0].sku, "EXTRA-1");
}

TEST_F(Paging, UnfilteredListingByIdPagesBothWays) {
    auto& catalog = store_->catalog();
    store::ProductFilter desc;
    desc.descending = true;
    std::vector<store::Id> up, down;
    for (std::int64_t offset = 0; offset < 250; offset += 60) {
        for (auto& r : catalog.list_products({}, {offset, 60}).rows) up.push_back(r.id);
        for (auto& r : catalog.list_products(desc, {offset, 60}).rows) down.push_back(r.id);
    }
    ASSERT_EQ(up.size(), 250u);
    std::reverse(down.begin(), down.end());
    EXPECT_EQ(up, down);
    EXPECT_EQ(catalog.list_products(desc, {0, 1}).rows.at(0).id, up.back());
    EXPECT_TRUE(catalog.list_products({}, {250, 60}).rows.empty());
    EXPECT_EQ(catalog.list_products({}, {250, 60}).total, 250);
}
