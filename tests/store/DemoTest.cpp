// The demo shop: deterministic, realistic, and importable as it is.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "records/Demo.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

bool valid_ean13(const std::string& ean) {
    if (ean.size() != 13) return false;
    for (char c : ean)
        if (c < '0' || c > '9') return false;
    return records::ean13_check_digit(ean.c_str()) == ean[12] - '0';
}

bool same(const store::ImportProduct& a, const store::ImportProduct& b) {
    return a.name == b.name && a.sku == b.sku && a.ean == b.ean && a.price == b.price &&
           a.promo_price == b.promo_price && a.stock == b.stock && a.images == b.images &&
           a.variants.size() == b.variants.size() &&
           a.category_external_id == b.category_external_id &&
           a.manufacturer_name == b.manufacturer_name && a.active == b.active;
}

}  // namespace

TEST(Demo, Ean13CheckDigit) {
    EXPECT_EQ(records::ean13_check_digit("590123412345"), 7);  // 5901234123457
    EXPECT_EQ(records::ean13_check_digit("400638133393"), 1);  // 4006381333931
    EXPECT_EQ(records::ean13_check_digit("000000000000"), 0);
}

TEST(Demo, SameSeedSameBatchOtherSeedOtherBatch) {
    auto a = records::make_demo_batch(500, 7);
    auto b = records::make_demo_batch(500, 7);
    auto c = records::make_demo_batch(500, 8);
    ASSERT_EQ(a.products.size(), 500u);
    bool all_same = true, any_different = false;
    for (std::size_t i = 0; i < 500; ++i) {
        all_same = all_same && same(a.products[i], b.products[i]);
        any_different = any_different || !same(a.products[i], c.products[i]);
    }
    EXPECT_TRUE(all_same);
    EXPECT_TRUE(any_different);
    // Pinned values: a change of the generator shows up here (demo data in docs and benches).
    EXPECT_EQ(a.products[0].sku, "DEMO-000001");
    EXPECT_TRUE(valid_ean13(a.products[0].ean));
}

TEST(Demo, CodesAreValidAndUnique) {
    auto batch = records::make_demo_batch(5000);
    std::set<std::string> skus, eans, variant_skus;
    for (auto& p : batch.products) {
        EXPECT_TRUE(valid_ean13(p.ean)) << p.ean;
        EXPECT_TRUE(skus.insert(p.sku).second) << p.sku;
        EXPECT_TRUE(eans.insert(p.ean).second) << p.ean;
        for (auto& v : p.variants) {
            EXPECT_TRUE(valid_ean13(v.ean)) << v.ean;
            EXPECT_TRUE(eans.insert(v.ean).second) << v.ean;
            EXPECT_TRUE(variant_skus.insert(v.sku).second) << v.sku;
        }
    }
}

TEST(Demo, LooksLikeAPolishShop) {
    auto batch = records::make_demo_batch(5000);
    EXPECT_GE(batch.categories.size(), 180u);
    EXPECT_LE(batch.categories.size(), 220u);
    EXPECT_GE(batch.manufacturers.size(), 90u);
    int with_variants = 0, inactive = 0, promo = 0, zero_stock = 0, diacritics = 0;
    std::set<std::string> names;
    for (auto& p : batch.products) {
        if (!p.variants.empty()) {
            ++with_variants;
            EXPECT_GE(p.variants.size(), 2u);
            EXPECT_LE(p.variants.size(), 6u);
        }
        inactive += !p.active;
        promo += p.promo_price.has_value();
        zero_stock += p.stock == 0;
        diacritics += std::any_of(p.name.begin(), p.name.end(), [](char c) { return c & 0x80; });
        EXPECT_GE(p.price.minor(), 999);
        EXPECT_LE(p.price.minor(), 199900);
        if (p.promo_price) {
            EXPECT_LT(*p.promo_price, p.price);
        }
        EXPECT_GE(p.images.size(), 1u);
        EXPECT_LE(p.images.size(), 4u);
        EXPECT_GE(p.stock, 0);
        EXPECT_LE(p.stock, 200);
        names.insert(p.name);
    }
    EXPECT_NEAR(with_variants, 1500, 250);  // ~30 %
    EXPECT_GT(inactive, 0);
    EXPECT_GT(promo, 0);
    EXPECT_GT(zero_stock, 0);
    EXPECT_GT(diacritics, 1000);  // names with Polish letters
    EXPECT_GT(names.size(), 2500u);
    int inactive_categories = 0;
    for (auto& c : batch.categories) inactive_categories += !c.active;
    EXPECT_GT(inactive_categories, 0);
}

TEST(Demo, ImportsCleanlyAndAgainAsUpdates) {
    TempDb db;
    auto s = db.init();
    auto batch = records::make_demo_batch(2000);
    auto first = must(s->catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(first.products_created, 2000);
    auto second = must(s->catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(second.products_updated, 2000);
    EXPECT_EQ(second.variants_removed, 0);
    EXPECT_EQ(s->catalog().product_count(), 2000);
    auto paths = s->catalog().active_category_paths();
    EXPECT_GT(paths.size(), 150u);
    EXPECT_LT(paths.size(), batch.categories.size());  // inactive branches are hidden
}
