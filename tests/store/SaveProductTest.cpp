// Catalog::save_product: one product through the import rules, created or replaced in place.
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

store::ImportProduct record(std::string external_id, std::string sku, std::string name) {
    store::ImportProduct p;
    p.external_id = std::move(external_id);
    p.sku = std::move(sku);
    p.name = std::move(name);
    p.price = zl(1999);
    p.stock = 5;
    return p;
}

store::ImportVariant variant(std::string sku, std::string name, std::int64_t stock) {
    store::ImportVariant v;
    v.sku = std::move(sku);
    v.name = std::move(name);
    v.price = zl(2099);
    v.stock = stock;
    return v;
}

class SaveProduct : public testing::Test {
  protected:
    void SetUp() override { must(catalog().import(small_shop(), nullptr, nullptr)); }
    store::Catalog& catalog() { return store_->catalog(); }
    store::ProductDetail detail(store::Id id) {
        std::vector<store::Id> ids{id};
        auto d = catalog().product_details(ids, {});
        EXPECT_EQ(d.size(), 1u) << "product " << id;
        return d.empty() ? store::ProductDetail{} : d.front();
    }
    std::vector<store::Id> listed_ids() {
        std::vector<store::Id> out;
        for (const auto& r : catalog().list_products({}, {0, 100}).rows) out.push_back(r.id);
        return out;
    }
    // The Status of a refused save, or a failure when it was accepted.
    core::Status save_error(std::optional<store::Id> id, const store::ImportProduct& p) {
        auto saved = catalog().save_product(id, p);
        if (saved) ADD_FAILURE() << "the product was accepted";
        return saved ? core::Status() : saved.status();
    }
    bool has_manufacturer(const std::string& name) {
        for (const auto& m : store_->lookups().manufacturers())
            if (m.name == name) return true;
        return false;
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

}  // namespace

TEST_F(SaveProduct, NewProductIsListedAtOnce) {
    EXPECT_EQ(listed_ids().size(), 5u);  // the id list is cached from here on
    store::Id id = must(catalog().save_product(std::nullopt, record("p6", "NEW-1", "Nowy kubek")));
    EXPECT_EQ(id, 6);
    EXPECT_EQ(listed_ids(), (std::vector<store::Id>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(catalog().list_products({}, {5, 10}).rows.at(0).name, "Nowy kubek");
    EXPECT_EQ(catalog().product_count(), 6);
    store::ProductFilter by_name;
    by_name.name_folded = core::fold_case("NOWY");
    EXPECT_EQ(catalog().list_products(by_name, {0, 10}).total, 1);
}

TEST_F(SaveProduct, NewProductGoesThroughTheImportUpserts) {
    auto p = record("p6", "NEW-1", "Koszulka damska");
    p.category_external_id = "c2";
    p.manufacturer_name = "Marka Testowa";  // unknown: created, as import does
    p.images = {"https://example.pl/img/k-1.jpg"};
    p.features = {{"Materiał", "len"}};
    p.variants = {variant("NEW-1-S", "S", 2), variant("NEW-1-M", "M", 4)};
    store::Id id = must(catalog().save_product(std::nullopt, p));
    auto d = detail(id);
    EXPECT_EQ(d.external_id, "p6");
    EXPECT_EQ(d.category_path, "Dom i ogród/Kuchnia");
    EXPECT_EQ(d.manufacturer_name, "Marka Testowa");
    EXPECT_EQ(d.images, (std::vector<std::string>{"https://example.pl/img/k-1.jpg"}));
    ASSERT_EQ(d.features.size(), 1u);
    EXPECT_EQ(d.features[0].value, "len");
    ASSERT_EQ(d.variants.size(), 2u);
    EXPECT_EQ(d.quantity, 6);  // the stock rule: the variants' sum, not the record's 5
    EXPECT_TRUE(has_manufacturer("Marka Testowa"));
}

TEST_F(SaveProduct, DetailCarriesTheExternalId) {
    EXPECT_EQ(detail(1).external_id, "p1");
    store::Id id = must(catalog().save_product(std::nullopt, record("", "ONLY-SKU", "Bez klucza")));
    EXPECT_EQ(detail(id).external_id, "");
}

TEST_F(SaveProduct, WithoutIdAKnownExternalIdUpdatesThatProduct) {
    store::Id id =
        must(catalog().save_product(std::nullopt, record("p1", "KUB-1", "Kubek 400 ml")));
    EXPECT_EQ(id, 1);
    EXPECT_EQ(detail(1).name, "Kubek 400 ml");
    EXPECT_EQ(catalog().product_count(), 5);
}

TEST_F(SaveProduct, WithIdTheProductKeepsItsIdWhenItsKeysChange) {
    EXPECT_EQ(listed_ids().size(), 5u);
    auto p = record("p1-2026", "KUB-2", "Kubek 400 ml");
    p.price = zl(4200);
    store::Id id = must(catalog().save_product(1, p));
    EXPECT_EQ(id, 1);
    auto d = detail(1);
    EXPECT_EQ(d.external_id, "p1-2026");
    EXPECT_EQ(d.sku, "KUB-2");
    EXPECT_EQ(d.name, "Kubek 400 ml");
    EXPECT_EQ(d.price, zl(4200));
    EXPECT_EQ(d.quantity, 5);
    EXPECT_EQ(catalog().product_count(), 5);
    EXPECT_EQ(listed_ids(), (std::vector<store::Id>{1, 2, 3, 4, 5}));
    store::ProductFilter by_sku;
    by_sku.sku = "KUB-2";
    EXPECT_EQ(catalog().list_products(by_sku, {0, 10}).rows.at(0).id, 1);
    by_sku.sku = "KUB-1";
    EXPECT_EQ(catalog().list_products(by_sku, {0, 10}).total, 0);
}

TEST_F(SaveProduct, WithIdTheContentIsReplaced) {
    auto p = record("p1", "KUB-1", "Kubek");
    p.images = {"https://example.pl/img/nowy.jpg"};
    p.features = {};
    p.manufacturer_name = "Krosno";
    must(catalog().save_product(1, p));
    auto d = detail(1);
    EXPECT_EQ(d.images, (std::vector<std::string>{"https://example.pl/img/nowy.jpg"}));
    EXPECT_TRUE(d.features.empty());
    EXPECT_EQ(d.manufacturer_name, "Krosno");
    EXPECT_EQ(d.category_id, std::nullopt);
    EXPECT_EQ(d.description, "");
}

TEST_F(SaveProduct, WithIdTheVariantSetIsReplaced) {
    auto p = record("p3", "KOS-1", "Koszulka");
    auto red = variant("KOS-1-R", "Czerwony XL", 7);  // matched by sku: keeps its id
    p.variants = {red, variant("KOS-1-Z", "Zielony L", 1)};
    const store::Id red_id = detail(3).variants.at(0).id;
    must(catalog().save_product(3, p));
    auto d = detail(3);
    ASSERT_EQ(d.variants.size(), 2u);
    EXPECT_EQ(d.variants[0].id, red_id);
    EXPECT_EQ(d.variants[0].quantity, 7);
    EXPECT_EQ(d.variants[1].sku, "KOS-1-Z");
    EXPECT_EQ(d.quantity, 8);
}

TEST_F(SaveProduct, KeyOfAnotherProductIsRefusedAndNothingChanges) {
    auto by_sku = save_error(1, record("p1", "ZOL-1", "Kubek"));
    EXPECT_EQ(by_sku.code(), core::Code::Conflict);
    EXPECT_EQ(by_sku.field(), "sku");
    EXPECT_NE(by_sku.message().find("sku ZOL-1 already used by product 2"), std::string::npos)
        << by_sku.text();
    auto by_external = save_error(1, record("p2", "KUB-1", "Kubek"));
    EXPECT_NE(by_external.message().find("external_id p2 already used by product 2"),
              std::string::npos)
        << by_external.text();
    EXPECT_EQ(detail(1).name, "Kubek ceramiczny 330 ml");
    EXPECT_EQ(detail(2).name, "Żółw pluszowy");
}

TEST_F(SaveProduct, NewProductWithAnotherProductsSkuIsRefused) {
    auto e = save_error(std::nullopt, record("p6", "KUB-1", "Drugi kubek"));
    EXPECT_NE(e.message().find("sku KUB-1 already used by product 1"), std::string::npos)
        << e.text();
    EXPECT_EQ(catalog().product_count(), 5);
}

TEST_F(SaveProduct, UnknownIdIsNotFoundAndNothingIsCreated) {
    auto p = record("p99", "NEW-99", "Nieistniejący");
    p.manufacturer_name = "Marka Widmo";
    EXPECT_EQ(catalog().save_product(999, p).status().code(), core::Code::NotFound);
    EXPECT_EQ(catalog().product_count(), 5);
    EXPECT_FALSE(has_manufacturer("Marka Widmo"));
}

TEST_F(SaveProduct, BadRecordIsRefusedWithTheImportsReasons) {
    auto no_name = record("p6", "NEW-1", "");
    EXPECT_NE(save_error(std::nullopt, no_name).message().find("missing name"), std::string::npos);
    auto no_keys = record("", "", "Bez kluczy");
    EXPECT_NE(save_error(1, no_keys).message().find("missing both external_id and sku"),
              std::string::npos);
    auto negative = record("p1", "KUB-1", "Kubek");
    negative.price = zl(-1);
    EXPECT_NE(save_error(1, negative).message().find("negative price"), std::string::npos);
    auto category = record("p1", "KUB-1", "Kubek");
    category.category_external_id = "c404";
    EXPECT_NE(save_error(1, category).message().find("unknown category c404"), std::string::npos);
    EXPECT_EQ(detail(1).name, "Kubek ceramiczny 330 ml");
    EXPECT_EQ(catalog().product_count(), 5);
}

TEST_F(SaveProduct, FailureHalfWayRollsBackEveryWrite) {
    auto p = record("p1", "KUB-1", "Kubek zmieniony");
    p.manufacturer_name = "Marka Nowa";             // written before the variants...
    p.variants = {variant("KOS-1-R", "Biały", 1)};  // ...whose sku is product 3's variant's
    auto e = save_error(1, p);
    EXPECT_NE(e.message().find("variant 1 conflicts"), std::string::npos) << e.text();
    EXPECT_EQ(detail(1).name, "Kubek ceramiczny 330 ml");
    EXPECT_TRUE(detail(1).variants.empty());
    EXPECT_FALSE(has_manufacturer("Marka Nowa"));
}

TEST_F(SaveProduct, SqlMetacharactersAreStoredLiterally) {
    const std::string name = "Kubek' OR 1=1 -- 100%_";
    store::Id id = must(
        catalog().save_product(std::nullopt, record("x'; DROP TABLE products;--", "SKU%_'", name)));
    auto d = detail(id);
    EXPECT_EQ(d.name, name);
    EXPECT_EQ(d.external_id, "x'; DROP TABLE products;--");
    EXPECT_EQ(d.sku, "SKU%_'");
    EXPECT_EQ(catalog().product_count(), 6);
}
