// The listed category (CategoryTree): the nearest category at or above a product's own that
// active_category_paths lists. ProductsData reports it, ProductsList's exact category filter
// matches it, so the connector never names a category ProductsCategories does not list.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using store_tests::zl;
using testing_support::TempDb;

namespace {

using Ids = std::vector<store::Id>;

store::ImportProduct simple(std::string ext, std::string category) {
    store::ImportProduct p;
    p.external_id = ext;
    p.sku = "SKU-" + ext;
    p.name = "Produkt " + ext;
    p.category_external_id = std::move(category);
    p.price = zl(1000);
    p.stock = 1;
    return p;
}

// The small shop (products 1..5) and more shapes of tree:
//  Archiwum(x1, inactive root) / Stare(x2)                      product 6 in x2: none listed
//  product 7 without a category
//  Ogród(y1) / Narzędzia(y2, inactive) / Grabie(y3) / Metalowe(y4)  product 8 in y4: Ogród
//  Ogród / Meble(y5)                                            product 9 in y5: itself
store::ImportBatch shop() {
    auto b = small_shop();
    b.categories.push_back({"x1", "", "Archiwum", false});
    b.categories.push_back({"x2", "x1", "Stare", true});
    b.categories.push_back({"y1", "", "Ogród", true});
    b.categories.push_back({"y2", "y1", "Narzędzia", false});
    b.categories.push_back({"y3", "y2", "Grabie", true});
    b.categories.push_back({"y4", "y3", "Metalowe", true});
    b.categories.push_back({"y5", "y1", "Meble", true});
    b.products.push_back(simple("p6", "x2"));
    b.products.push_back(simple("p7", ""));
    b.products.push_back(simple("p8", "y4"));
    b.products.push_back(simple("p9", "y5"));
    return b;
}

class ListedCategory : public testing::Test {
  protected:
    void SetUp() override {
        must(store_->catalog().import(shop(), nullptr, nullptr));
        for (const auto& row : store_->lookups().categories()) by_path_[row.path] = row.id;
    }
    store::Id category(const std::string& path) { return by_path_.at(path); }
    store::ProductDetail detail(store::Id id) {
        const Ids ids{id};
        return store_->catalog().product_details(ids, store::DetailParts{}).at(0);
    }
    Ids listed_filter(store::Id category_id) {
        store::ProductFilter f;
        f.category_id = category_id;
        f.category_match = store::CategoryMatch::Listed;
        Ids out;
        for (const auto& row : store_->catalog().list_products(f, {0, 100}).rows)
            out.push_back(row.id);
        return out;
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    std::map<std::string, store::Id> by_path_;
};

}  // namespace

TEST_F(ListedCategory, IsTheNearestListedCategoryAtOrAboveTheProducts) {
    const auto kubek = detail(1);  // in a listed category: itself
    EXPECT_EQ(kubek.listed_category_id, category("Dom i ogród/Kuchnia/Kubki"));
    EXPECT_EQ(kubek.listed_category_path, "Dom i ogród/Kuchnia/Kubki");
    // Below the inactive Łazienka: Dom i ogród, the nearest listed one; the product's own
    // category stays what it is (the admin side shows it).
    const auto lyzka = detail(4);
    EXPECT_EQ(lyzka.category_id, category("Dom i ogród/Łazienka/Ręczniki"));
    EXPECT_EQ(lyzka.category_path, "Dom i ogród/Łazienka/Ręczniki");
    EXPECT_EQ(lyzka.listed_category_id, category("Dom i ogród"));
    EXPECT_EQ(lyzka.listed_category_path, "Dom i ogród");
    EXPECT_EQ(detail(5).listed_category_id, category("Dom i ogród"));  // in Łazienka itself
    // Two levels below an inactive one: still the nearest listed ancestor.
    EXPECT_EQ(detail(8).listed_category_id, category("Ogród"));
    EXPECT_EQ(detail(8).listed_category_path, "Ogród");
    EXPECT_EQ(detail(9).listed_category_id, category("Ogród/Meble"));
    // Under an inactive root nothing is listed; without a category there is none either.
    EXPECT_EQ(detail(6).category_id, category("Archiwum/Stare"));
    EXPECT_EQ(detail(6).listed_category_id, std::nullopt);
    EXPECT_EQ(detail(6).listed_category_path, "");
    EXPECT_EQ(detail(7).listed_category_id, std::nullopt);
}

TEST_F(ListedCategory, EveryReportedCategoryIsListed) {
    std::set<store::Id> listed;
    for (const auto& c : store_->catalog().active_category_paths()) listed.insert(c.id);
    EXPECT_EQ(listed.size(), 7u);  // 5 of the small shop, Ogród, Ogród/Meble
    const Ids all{1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (const auto& p : store_->catalog().product_details(all, store::DetailParts{})) {
        if (p.listed_category_id) {
            EXPECT_TRUE(listed.count(*p.listed_category_id)) << p.id;
        }
    }
}

TEST_F(ListedCategory, ExactFilterMatchesTheReportedCategory) {
    // Every listed category returns exactly the products reported in it.
    const Ids all{1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::map<store::Id, Ids> reported;
    for (const auto& p : store_->catalog().product_details(all, store::DetailParts{}))
        if (p.listed_category_id) reported[*p.listed_category_id].push_back(p.id);
    for (const auto& c : store_->catalog().active_category_paths())
        EXPECT_EQ(listed_filter(c.id), reported[c.id]) << c.path;
    EXPECT_EQ(listed_filter(category("Dom i ogród")), (Ids{4, 5}));  // not the Kuchnia ones
    EXPECT_EQ(listed_filter(category("Ogród")), (Ids{8}));
    // A category that is not listed holds no product BaseLinker sees.
    for (const char* path : {"Dom i ogród/Łazienka", "Archiwum/Stare", "Ogród/Narzędzia/Grabie"}) {
        store::ProductFilter f;
        f.category_id = category(path);
        f.category_match = store::CategoryMatch::Listed;
        const auto page = store_->catalog().list_products(f, {0, 100});
        EXPECT_TRUE(page.rows.empty()) << path;
        EXPECT_EQ(page.total, 0) << path;
    }
    EXPECT_EQ(listed_filter(999), Ids{});
}

TEST_F(ListedCategory, ExactFilterCombinesWithOtherFiltersAndPaging) {
    store::ProductFilter f;
    f.category_id = category("Dom i ogród");
    f.category_match = store::CategoryMatch::Listed;
    f.sort = store::SortField::Price;
    f.descending = true;
    const auto page = store_->catalog().list_products(f, {0, 1});
    EXPECT_EQ(page.total, 2);
    ASSERT_EQ(page.rows.size(), 1u);
    EXPECT_EQ(page.rows[0].id, 5);  // 25.00 before 9.99
    f.active = true;                // product 4 is inactive
    EXPECT_EQ(store_->catalog().list_products(f, {0, 10}).total, 1);
}

TEST_F(ListedCategory, SubtreeFilterStillIncludesEveryDescendant) {
    store::ProductFilter f;
    f.category_id = category("Ogród");
    f.category_match = store::CategoryMatch::Subtree;
    Ids ids;
    for (const auto& row : store_->catalog().list_products(f, {0, 100}).rows) ids.push_back(row.id);
    EXPECT_EQ(ids, (Ids{8, 9}));
}

TEST_F(ListedCategory, AdminCategoryPathsAreUnchanged) {
    // The admin list shows every category with its full path, inactive branches included.
    EXPECT_TRUE(by_path_.count("Ogród/Narzędzia/Grabie/Metalowe"));
    EXPECT_TRUE(by_path_.count("Archiwum/Stare"));
    EXPECT_EQ(by_path_.size(), 14u);
}
