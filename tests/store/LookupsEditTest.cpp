// Staff edits of order statuses, delivery and payment methods; the admin lists of categories
// and manufacturers.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::small_shop;
using testing_support::TempDb;

namespace {

class LookupsEdit : public testing::Test {
  protected:
    store::Lookups& lookups() { return store_->lookups(); }
    // One integer read straight from the file, as another program would see it (SQLite only:
    // on PostgreSQL the tests check the same through the store alone).
    std::int64_t scalar(const char* sql) {
        sqlite3* db = nullptr;
        EXPECT_EQ(sqlite3_open(db_.path().c_str(), &db), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
        std::int64_t value = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        sqlite3_close(db);
        return value;
    }
    static const store::NamedId* find(const std::vector<store::NamedId>& items, store::Id id) {
        for (const auto& i : items)
            if (i.id == id) return &i;
        return nullptr;
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

}  // namespace

TEST_F(LookupsEdit, NewStatusGetsANewIdAndGoesLast) {
    const auto before = lookups().order_statuses();
    store::Id id = must(lookups().save_order_status({0, "Reklamacja", false}));
    EXPECT_GT(id, before.back().id);
    auto after = lookups().order_statuses();
    ASSERT_EQ(after.size(), before.size() + 1);
    EXPECT_EQ(after.back().id, id);
    EXPECT_EQ(after.back().name, "Reklamacja");
    EXPECT_FALSE(after.back().flag);
    if (TempDb::postgres()) return;  // SQLite-specific: the raw read below
    EXPECT_EQ(scalar(("SELECT position > (SELECT MAX(position) FROM order_statuses WHERE id <> " +
                      std::to_string(id) + ") FROM order_statuses WHERE id = " + std::to_string(id))
                         .c_str()),
              1);
}

TEST_F(LookupsEdit, StatusIsRenamedAndReflaggedInPlace) {
    EXPECT_EQ(must(lookups().save_order_status({2, "W trakcie pakowania", true})), 2);
    auto statuses = lookups().order_statuses();
    const auto* s = find(statuses, 2);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->name, "W trakcie pakowania");
    EXPECT_TRUE(s->flag);
    EXPECT_EQ(statuses.size(), 8u);  // seven seeded, and the hold status (009)
    if (TempDb::postgres()) return;  // SQLite-specific: the raw read below
    EXPECT_EQ(scalar("SELECT position FROM order_statuses WHERE id = 2"), 2);
}

TEST_F(LookupsEdit, UnknownIdIsNotFoundAndWritesNothing) {
    EXPECT_EQ(lookups().save_order_status({99, "Nowy", false}).status().code(),
              core::Code::NotFound);
    EXPECT_EQ(lookups().save_delivery_method({99, "Nowy", false}).status().code(),
              core::Code::NotFound);
    EXPECT_EQ(lookups().save_payment_method({99, "Nowy", true}).status().code(),
              core::Code::NotFound);
    EXPECT_EQ(lookups().order_statuses().size(), 8u);
    EXPECT_EQ(lookups().delivery_methods().size(), 8u);
    EXPECT_EQ(lookups().payment_methods().size(), 6u);
    if (TempDb::postgres()) return;  // SQLite-specific: the raw read below
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM order_statuses WHERE name = 'Nowy'"), 0);
}

TEST_F(LookupsEdit, DeliveryMethodsAreAddedAndRenamed) {
    store::Id id = must(lookups().save_delivery_method({0, "DHL POP", false}));
    EXPECT_EQ(must(lookups().save_delivery_method({3, "Kurier DPD Classic", false})), 3);
    auto methods = lookups().delivery_methods();
    ASSERT_EQ(methods.size(), 9u);
    EXPECT_EQ(find(methods, id)->name, "DHL POP");
    EXPECT_EQ(find(methods, 3)->name, "Kurier DPD Classic");
}

TEST_F(LookupsEdit, PaymentMethodsKeepTheirCashOnDeliveryFlag) {
    store::Id id = must(lookups().save_payment_method({0, "Pobranie InPost", true}));
    EXPECT_EQ(must(lookups().save_payment_method({5, "Za pobraniem (gotówka)", false})), 5);
    auto methods = lookups().payment_methods();
    EXPECT_TRUE(find(methods, id)->flag);
    EXPECT_EQ(find(methods, 5)->name, "Za pobraniem (gotówka)");
    EXPECT_FALSE(find(methods, 5)->flag);
}

TEST_F(LookupsEdit, NamesAreStoredLiterally) {
    const std::string name = "x'); DROP TABLE order_statuses; -- 100%_";
    store::Id id = must(lookups().save_order_status({0, name, false}));
    auto statuses = lookups().order_statuses();
    EXPECT_EQ(statuses.size(), 9u);
    EXPECT_EQ(find(statuses, id)->name, name);
}

TEST_F(LookupsEdit, CategoriesListEveryCategoryWithPathAndProductCount) {
    must(store_->catalog().import(small_shop(), nullptr, nullptr));
    auto cats = lookups().categories();
    std::vector<std::string> paths;
    for (const auto& c : cats) paths.push_back(c.path);
    // Case-insensitive order, inactive "Łazienka" and its subtree included.
    EXPECT_EQ(paths, (std::vector<std::string>{"alfa", "Dom i ogród", "Dom i ogród/Kuchnia",
                                               "Dom i ogród/Kuchnia/Kubki", "Dom i ogród/Łazienka",
                                               "Dom i ogród/Łazienka/Ręczniki", "Zabawki"}));
    const store::CategoryRow& kubki = cats[3];
    EXPECT_EQ(kubki.name, "Kubki");
    EXPECT_EQ(kubki.external_id, "c3");
    EXPECT_EQ(kubki.parent_id, cats[2].id);
    EXPECT_TRUE(kubki.active);
    EXPECT_EQ(kubki.products, 1);
    EXPECT_FALSE(cats[1].parent_id);
    EXPECT_EQ(cats[1].products, 0);  // products only directly in a category count
    EXPECT_FALSE(cats[4].active);    // Łazienka
    EXPECT_EQ(cats[4].products, 1);
    EXPECT_TRUE(cats[5].active);  // Ręczniki, under an inactive parent
    EXPECT_EQ(cats[5].products, 1);
}

TEST_F(LookupsEdit, EmptyShopHasNoCategoriesOrManufacturers) {
    EXPECT_TRUE(lookups().categories().empty());
    EXPECT_TRUE(lookups().manufacturers().empty());
}

TEST_F(LookupsEdit, ManufacturersListLogoAndProductCount) {
    must(store_->catalog().import(small_shop(), nullptr, nullptr));
    auto makers = lookups().manufacturers();
    ASSERT_EQ(makers.size(), 3u);
    // By case-folded name: "ćmielów" folds to a non-ASCII first letter and sorts last.
    EXPECT_EQ(makers[0].name, "Krosno");
    EXPECT_EQ(makers[0].products, 0);
    EXPECT_EQ(makers[1].name, "Nowa Marka");
    EXPECT_EQ(makers[1].products, 1);
    EXPECT_EQ(makers[2].name, "Ćmielów");
    EXPECT_EQ(makers[2].logo_url, "https://example.pl/logo/cmielow.png");
    EXPECT_EQ(makers[2].products, 1);
}
