// Catalogue import: upserts, replaced variant sets, and all-or-nothing validation.
#include <gtest/gtest.h>

#include <limits>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using store_tests::zl;
using testing_support::TempDb;

namespace {

struct Imported {
    TempDb db;
    std::unique_ptr<store::Store> store = db.init();
    store::Catalog& catalog() { return store->catalog(); }
    store::ProductDetail detail(store::Id id) {
        std::vector<store::Id> ids{id};
        auto d = catalog().product_details(ids, {});
        EXPECT_EQ(d.size(), 1u);
        return d.empty() ? store::ProductDetail{} : d.front();
    }
};

// The Status a refused batch returns, or a failure when it imports.
core::Status import_error(store::Catalog& catalog, const store::ImportBatch& batch) {
    auto imported = catalog.import(batch, nullptr, nullptr);
    if (imported) ADD_FAILURE() << "the batch was accepted";
    return imported ? core::Status() : imported.status();
}

}  // namespace

TEST(Import, CreatesEveryRecordOfAFreshBatch) {
    Imported s;
    auto summary = must(s.catalog().import(small_shop(), nullptr, nullptr));
    EXPECT_EQ(summary.categories_created, 7);
    EXPECT_EQ(summary.products_created, 5);
    EXPECT_EQ(summary.variants_created, 2);
    EXPECT_EQ(summary.manufacturers_created, 3);  // two listed + "Nowa Marka" from a product
    EXPECT_EQ(s.catalog().product_count(), 5);

    auto kubek = s.detail(1);
    EXPECT_EQ(kubek.name, "Kubek ceramiczny 330 ml");
    EXPECT_EQ(kubek.manufacturer_name, "Ćmielów");
    EXPECT_EQ(kubek.manufacturer_logo, "https://example.pl/logo/cmielow.png");
    EXPECT_EQ(kubek.category_path, "Dom i ogród/Kuchnia/Kubki");
    EXPECT_EQ(kubek.images.size(), 2u);
    EXPECT_EQ(s.detail(3).manufacturer_name, "Nowa Marka");
}

TEST(Import, SecondImportUpdatesTheSameRowsAndKeepsIds) {
    Imported s;
    must(s.catalog().import(small_shop(), nullptr, nullptr));
    auto batch = small_shop();
    batch.products[0].name = "Kubek porcelanowy";
    batch.products[0].images = {"https://example.pl/img/new.jpg"};
    batch.products[0].features = {{"Materiał", "porcelana"}};
    batch.categories[2].name = "Kubki i filiżanki";
    auto summary = must(s.catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(summary.products_created, 0);
    EXPECT_EQ(summary.products_updated, 5);
    EXPECT_EQ(summary.categories_updated, 7);
    EXPECT_EQ(s.catalog().product_count(), 5);

    auto kubek = s.detail(1);
    EXPECT_EQ(kubek.name, "Kubek porcelanowy");
    EXPECT_EQ(kubek.images, std::vector<std::string>{"https://example.pl/img/new.jpg"});
    ASSERT_EQ(kubek.features.size(), 1u);
    EXPECT_EQ(kubek.features[0].value, "porcelana");
    EXPECT_EQ(kubek.category_path, "Dom i ogród/Kuchnia/Kubki i filiżanki");
}

TEST(Import, ProductWithoutExternalIdIsMatchedBySku) {
    Imported s;
    store::ImportBatch batch;
    store::ImportProduct p;
    p.sku = "ONLY-SKU";
    p.name = "Pierwsza wersja";
    p.price = zl(1000);
    batch.products = {p};
    must(s.catalog().import(batch, nullptr, nullptr));
    batch.products[0].name = "Druga wersja";
    auto summary = must(s.catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(summary.products_updated, 1);
    EXPECT_EQ(s.catalog().product_count(), 1);
    EXPECT_EQ(s.detail(1).name, "Druga wersja");
}

TEST(Import, VariantSetIsReplacedKeepingIdsOfMatchedVariants) {
    Imported s;
    must(s.catalog().import(small_shop(), nullptr, nullptr));
    auto before = s.detail(3).variants;
    ASSERT_EQ(before.size(), 2u);

    auto batch = small_shop();
    auto& variants = batch.products[2].variants;
    variants.erase(variants.begin());  // "Czerwony XL" is gone
    variants[0].stock = 9;             // "Niebieski M" stays, with new stock
    store::ImportVariant green;
    green.sku = "KOS-1-Z";
    green.name = "Zielony S";
    green.price = zl(7999);
    green.stock = 1;
    variants.push_back(green);
    auto summary = must(s.catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(summary.variants_removed, 1);
    EXPECT_EQ(summary.variants_updated, 1);
    EXPECT_EQ(summary.variants_created, 1);

    auto after = s.detail(3);
    ASSERT_EQ(after.variants.size(), 2u);
    EXPECT_EQ(after.variants[0].id, before[1].id);  // same id for the same variant
    EXPECT_EQ(after.variants[0].quantity, 9);
    EXPECT_EQ(after.variants[1].name, "Zielony S");
    EXPECT_EQ(after.quantity, 10);  // stock rule: 9 + 1
}

TEST(Import, ProductWithoutVariantsInBatchKeepsItsVariants) {
    Imported s;
    must(s.catalog().import(small_shop(), nullptr, nullptr));
    auto batch = small_shop();
    batch.products[2].variants.clear();
    batch.products[2].stock = 500;  // ignored: the product has variants in the shop
    must(s.catalog().import(batch, nullptr, nullptr));
    auto koszulka = s.detail(3);
    EXPECT_EQ(koszulka.variants.size(), 2u);
    EXPECT_EQ(koszulka.quantity, 7);
}

TEST(Import, ProgressIsReported) {
    Imported s;
    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    must(s.catalog().import(
        small_shop(),
        [](void* user, std::int64_t done, std::int64_t total) {
            static_cast<decltype(calls)*>(user)->emplace_back(done, total);
        },
        &calls));
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back(), std::make_pair(std::int64_t{5}, std::int64_t{5}));
}

struct BadBatch {
    const char* what;
    void (*spoil)(store::ImportBatch&);
    const char* section;
    std::int64_t record;
    const char* reason;
};

class ImportValidation : public testing::TestWithParam<BadBatch> {};

TEST_P(ImportValidation, BadRecordWritesNothingAndIsNamed) {
    Imported s;
    auto batch = small_shop();
    GetParam().spoil(batch);
    auto error = import_error(s.catalog(), batch);
    EXPECT_EQ(error.code(), core::Code::InvalidField);
    EXPECT_EQ(error.field(),
              std::string(GetParam().section) + " record " + std::to_string(GetParam().record));
    EXPECT_NE(error.message().find(GetParam().reason), std::string::npos) << error.text();
    EXPECT_EQ(s.catalog().product_count(), 0);
    EXPECT_TRUE(s.catalog().active_category_paths().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Records, ImportValidation,
    testing::Values(
        BadBatch{"missing_name", [](auto& b) { b.products[3].name = ""; }, "products", 4,
                 "missing name"},
        BadBatch{"missing_keys",
                 [](auto& b) { b.products[1].external_id = b.products[1].sku = ""; }, "products", 2,
                 "missing both external_id and sku"},
        BadBatch{"unknown_category", [](auto& b) { b.products[4].category_external_id = "c99"; },
                 "products", 5, "unknown category c99"},
        BadBatch{"unknown_parent", [](auto& b) { b.categories[2].parent_external_id = "zzz"; },
                 "categories", 3, "unknown parent zzz"},
        BadBatch{"parent_after_child", [](auto& b) { std::swap(b.categories[0], b.categories[1]); },
                 "categories", 1, "unknown parent c1"},
        BadBatch{"negative_stock", [](auto& b) { b.products[0].stock = -1; }, "products", 1,
                 "negative stock"},
        BadBatch{"stock_above_maximum",
                 [](auto& b) { b.products[0].stock = std::numeric_limits<std::int64_t>::max(); },
                 "products", 1, "stock above the maximum 1000000000"},
        BadBatch{"variant_stock_above_maximum",
                 [](auto& b) { b.products[2].variants[0].stock = store::kMaxStock + 1; },
                 "products", 3, "variant 1: stock above the maximum 1000000000"},
        BadBatch{"negative_variant_stock", [](auto& b) { b.products[2].variants[1].stock = -2; },
                 "products", 3, "variant 2: negative stock"},
        BadBatch{"negative_price", [](auto& b) { b.products[1].price = zl(-100); }, "products", 2,
                 "negative price"},
        BadBatch{"duplicate_sku", [](auto& b) { b.products[4].sku = "KUB-1"; }, "products", 5,
                 "duplicate sku KUB-1"},
        BadBatch{"duplicate_variant_sku",
                 [](auto& b) { b.products[2].variants[1].sku = "KOS-1-R"; }, "products", 3,
                 "duplicate variant sku"},
        BadBatch{"category_without_id", [](auto& b) { b.categories[6].external_id = ""; },
                 "categories", 7, "missing external_id"}),
    [](const auto& info) { return std::string(info.param.what); });

TEST(Import, ConflictWithTheDatabaseRollsBackTheWholeBatch) {
    Imported s;
    must(s.catalog().import(small_shop(), nullptr, nullptr));
    store::ImportBatch batch;
    store::ImportProduct fresh;
    fresh.external_id = "new-1";
    fresh.sku = "NEW-1";
    fresh.name = "Nowy produkt";
    fresh.price = zl(100);
    store::ImportProduct clash = fresh;
    clash.external_id = "new-2";
    clash.sku = "KUB-1";  // already the SKU of product 1 (which has another external id)
    batch.products = {fresh, clash};
    auto error = import_error(s.catalog(), batch);
    EXPECT_EQ(error.code(), core::Code::Conflict);
    EXPECT_EQ(error.field(), "products record 2");
    EXPECT_EQ(s.catalog().product_count(), 5);  // "Nowy produkt" was rolled back too
}

TEST(Import, CategoryLoopIsRefused) {
    Imported s;
    must(s.catalog().import(small_shop(), nullptr, nullptr));
    store::ImportBatch batch;
    batch.categories = {{"c1", "c3", "Dom i ogród", true}};  // c3 is c1's grandchild
    auto error = import_error(s.catalog(), batch);
    EXPECT_EQ(error.field(), "categories record 1");
    EXPECT_EQ(s.catalog().active_category_paths().front().path, "alfa");
}
