// product_details, category paths, stock and price pages.
#include <gtest/gtest.h>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using store_tests::zl;
using testing_support::TempDb;

namespace {

class Details : public testing::Test {
  protected:
    void SetUp() override { must(store_->catalog().import(small_shop(), nullptr, nullptr)); }
    std::vector<store::ProductDetail> details(std::vector<store::Id> ids,
                                              store::DetailParts parts = {}) {
        return store_->catalog().product_details(ids, parts);
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

}  // namespace

TEST_F(Details, ReturnedInRequestOrderWithoutUnknownOrRepeatedIds) {
    auto d = details({5, 99, 1, 5, 3, -1});
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d[0].id, 5);
    EXPECT_EQ(d[1].id, 1);
    EXPECT_EQ(d[2].id, 3);
    EXPECT_TRUE(details({}).empty());
    EXPECT_TRUE(details({1000, 2000}).empty());
}

TEST_F(Details, BaseFieldsOfAProduct) {
    auto kubek = details({1}).at(0);
    EXPECT_EQ(kubek.name, "Kubek ceramiczny 330 ml");
    EXPECT_EQ(kubek.sku, "KUB-1");
    EXPECT_EQ(kubek.ean, "5901234123457");
    EXPECT_EQ(kubek.model, "K330");
    EXPECT_EQ(kubek.quantity, 10);
    EXPECT_EQ(kubek.price, zl(3490));
    EXPECT_EQ(kubek.tax_rate_bp, 2300);
    EXPECT_DOUBLE_EQ(kubek.weight_kg, 0.35);
    EXPECT_EQ(kubek.description, "<p>Kubek</p>");
    EXPECT_EQ(kubek.description_extra[0], "Krótki opis");
    EXPECT_EQ(kubek.category_id, 3);
    EXPECT_EQ(kubek.category_path, "Dom i ogród/Kuchnia/Kubki");
    EXPECT_EQ(kubek.url, "https://example.pl/p/kubek");
    EXPECT_EQ(kubek.location, "A-1-2");
    EXPECT_TRUE(kubek.active);
    EXPECT_EQ(kubek.images, (std::vector<std::string>{"https://example.pl/img/kubek-1.jpg",
                                                      "https://example.pl/img/kubek-2.jpg"}));
    ASSERT_EQ(kubek.features.size(), 3u);  // two values of "Kolor", in order
    EXPECT_EQ(kubek.features[1].name, "Kolor");
    EXPECT_EQ(kubek.features[1].value, "biały");
    EXPECT_EQ(kubek.features[2].value, "niebieski");
    EXPECT_TRUE(kubek.variants.empty());

    auto zolw = details({2}).at(0);
    EXPECT_EQ(zolw.price, zl(4900));
    EXPECT_EQ(zolw.manufacturer_name, "");
    EXPECT_EQ(details({4}).at(0).category_path, "Dom i ogród/Łazienka/Ręczniki");  // inactive too
}

TEST_F(Details, VariantsWithTheirImagesAndFeatures) {
    auto koszulka = details({3}).at(0);
    EXPECT_EQ(koszulka.quantity, 7);
    ASSERT_EQ(koszulka.variants.size(), 2u);
    const auto& red = koszulka.variants[0];
    EXPECT_EQ(red.name, "Czerwony XL");
    EXPECT_EQ(red.sku, "KOS-1-R");
    EXPECT_EQ(red.quantity, 3);
    EXPECT_EQ(red.price, zl(7999));
    EXPECT_EQ(red.images, std::vector<std::string>{"https://example.pl/img/kos-r.jpg"});
    ASSERT_EQ(red.features.size(), 2u);
    EXPECT_EQ(red.features[1].name, "Rozmiar");
    const auto& blue = koszulka.variants[1];
    EXPECT_LT(red.id, blue.id);
    EXPECT_EQ(blue.price, zl(8499));
    EXPECT_EQ(blue.ean, "5900000000029");
    EXPECT_TRUE(blue.images.empty());
}

TEST_F(Details, OnlyRequestedPartsAreLoaded) {
    store::DetailParts images_only{false, true, false, false};
    auto d = details({1, 3}, images_only);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].images.size(), 2u);
    EXPECT_EQ(d[0].name, "");
    EXPECT_TRUE(d[0].features.empty());
    EXPECT_TRUE(d[1].variants.empty());
}

TEST_F(Details, ActiveCategoryPathsSkipInactiveBranchesAndSortCaseInsensitively) {
    auto paths = store_->catalog().active_category_paths();
    std::vector<std::string> names;
    for (auto& p : paths) names.push_back(p.path);
    EXPECT_EQ(names, (std::vector<std::string>{"alfa", "Dom i ogród", "Dom i ogród/Kuchnia",
                                               "Dom i ogród/Kuchnia/Kubki", "Zabawki"}));
    EXPECT_EQ(paths[0].id, 6);
    EXPECT_EQ(paths[3].id, 3);
}

TEST_F(Details, StockPageFollowsTheStockRule) {
    auto stock = store_->catalog().stock_page({0, 3});
    EXPECT_EQ(stock.total, 5);  // the catalogue's count comes with the page
    const auto& page = stock.rows;
    ASSERT_EQ(page.size(), 3u);
    EXPECT_EQ(page[0].product_id, 1);
    EXPECT_EQ(page[0].quantity, 10);
    EXPECT_TRUE(page[0].variants.empty());
    EXPECT_EQ(page[2].product_id, 3);
    EXPECT_EQ(page[2].quantity, 7);
    ASSERT_EQ(page[2].variants.size(), 2u);
    EXPECT_EQ(page[2].variants[0].second, 3);
    EXPECT_EQ(page[2].variants[1].second, 4);
    auto rest = store_->catalog().stock_page({3, 3}).rows;
    ASSERT_EQ(rest.size(), 2u);
    EXPECT_EQ(rest[0].product_id, 4);
    EXPECT_TRUE(store_->catalog().stock_page({5, 3}).rows.empty());
}

TEST_F(Details, PricePageReportsOwnAndVariantPrices) {
    auto prices = store_->catalog().price_page({1, 2});
    EXPECT_EQ(prices.total, 5);
    const auto& page = prices.rows;
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].product_id, 2);
    EXPECT_EQ(page[0].price, zl(4900));
    EXPECT_EQ(page[1].price, zl(7999));
    ASSERT_EQ(page[1].variants.size(), 2u);
    EXPECT_EQ(page[1].variants[1].second, zl(8499));
}
