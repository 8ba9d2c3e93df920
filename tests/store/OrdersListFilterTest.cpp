// The staff order list's date and text filters, and the dashboard counts.
#include <algorithm>

#include "OrdersTest.h"

using namespace store_tests;

namespace {

class OrdersListFilter : public OrdersTest {
  protected:
    // Four orders with distinct buyers (ids 1..4, date_add 1000..4000); 4 is a shop order.
    void SetUp() override {
        OrdersTest::SetUp();
        auto lukasz = buyer(7001, 1000);
        lukasz.delivery.fullname = "Łukasz Żółtowski";
        lukasz.email = "lukasz@poczta.pl";
        lukasz_ = add(lukasz).order_id;

        auto acme = buyer(7002, 2000);
        acme.invoice.company = "ACME 100% Sp. z o.o.";
        acme.invoice.fullname = "Anna Nowak";
        acme.phone = "+48 600 100 200";
        acme.paid = true;
        acme_ = add(acme).order_id;

        auto jan = buyer(7003, 3000);
        jan.client_login = "jan_kowalski";
        jan.transaction_id = "TX-42";
        jan.delivery.company = "Kowalski i Syn";
        jan_ = add(jan).order_id;

        auto obrien = buyer(std::nullopt, 4000);
        obrien.delivery.fullname = "Seán O'Brien";
        obrien_ = orders().create_shop_order(obrien, options_, kNow).order_id;
    }
    static store::OrderInput buyer(std::optional<std::int64_t> baselinker_id,
                                   std::int64_t date_add) {
        store::OrderInput o;
        o.origin = baselinker_id ? store::OrderOrigin::BaseLinker : store::OrderOrigin::Shop;
        o.baselinker_id = baselinker_id;
        o.date_add = date_add;
        o.lines = {line(std::nullopt, 0, 1)};
        return o;
    }
    std::vector<store::Id> ids(const store::OrderListQuery& q) {
        std::vector<store::Id> out;
        for (const auto& o : orders().list_orders(q)) out.push_back(o.id);
        return out;
    }
    std::vector<store::Id> search(const std::string& text) {
        store::OrderListQuery q;
        q.text = text;
        return ids(q);
    }
    using Ids = std::vector<store::Id>;
    store::Id lukasz_ = 0, acme_ = 0, jan_ = 0, obrien_ = 0;
};

}  // namespace

TEST_F(OrdersListFilter, DateRangeIsInclusive) {
    store::OrderListQuery q;
    q.date_from = 2000;
    q.date_to = 3000;
    EXPECT_EQ(ids(q), (Ids{jan_, acme_}));
    q.date_to.reset();
    EXPECT_EQ(ids(q), (Ids{obrien_, jan_, acme_}));
    q.date_from.reset();
    q.date_to = 1999;
    EXPECT_EQ(ids(q), (Ids{lukasz_}));
    q.date_from = 3001;
    q.date_to = 3999;
    EXPECT_TRUE(ids(q).empty());
}

TEST_F(OrdersListFilter, TextIgnoresCaseOfPolishLettersToo) {
    EXPECT_EQ(search("ŁUKASZ"), (Ids{lukasz_}));
    EXPECT_EQ(search("żółtowski"), (Ids{lukasz_}));
    EXPECT_EQ(search("o'brien"), (Ids{obrien_}));
    EXPECT_EQ(search("SEÁN"), (Ids{obrien_}));
}

TEST_F(OrdersListFilter, TextSearchesEveryBuyerField) {
    EXPECT_EQ(search("poczta.pl"), (Ids{lukasz_}));  // e-mail
    EXPECT_EQ(search("acme"), (Ids{acme_}));         // invoice company
    EXPECT_EQ(search("anna nowak"), (Ids{acme_}));   // invoice name
    EXPECT_EQ(search("600 100"), (Ids{acme_}));      // phone
    EXPECT_EQ(search("JAN_KOW"), (Ids{jan_}));       // login
    EXPECT_EQ(search("tx-42"), (Ids{jan_}));         // transaction id
    EXPECT_EQ(search("i syn"), (Ids{jan_}));         // delivery company
    EXPECT_EQ(search("kowalski"), (Ids{jan_}));      // login and company, listed once
    EXPECT_TRUE(search("Warszawa").empty());
}

TEST_F(OrdersListFilter, WildcardsAndQuotesInTheTextAreLiteral) {
    EXPECT_EQ(search("%"), (Ids{acme_}));
    EXPECT_EQ(search("100%"), (Ids{acme_}));
    EXPECT_EQ(search("_"), (Ids{jan_}));
    EXPECT_EQ(search("n_k"), (Ids{jan_}));  // "jan_kowalski"; "_" would match any letter in LIKE
    EXPECT_TRUE(search("a%z").empty());
    EXPECT_TRUE(search("' OR 1=1 --").empty());
    EXPECT_TRUE(search("\" OR \"\"=\"").empty());
    EXPECT_TRUE(search("'); DROP TABLE orders; --").empty());
    EXPECT_EQ(orders().list_orders({}).size(), 4u);
}

TEST_F(OrdersListFilter, DigitsAlsoMatchTheBaseLinkerIdOrTheOrderId) {
    EXPECT_EQ(search("7002"), (Ids{acme_}));
    EXPECT_EQ(search("7001"), (Ids{lukasz_}));
    // O'Brien's order has no digits in its text: found by its order id alone.
    auto by_id = search(std::to_string(obrien_));
    EXPECT_NE(std::find(by_id.begin(), by_id.end(), obrien_), by_id.end());
    EXPECT_EQ(search("42"), (Ids{jan_}));  // a substring of "TX-42"
    EXPECT_EQ(search("200"), (Ids{acme_}));
    EXPECT_TRUE(search("700").empty());  // the BaseLinker id matches exactly, not as a substring
    EXPECT_TRUE(search("99999999999999999999999").empty());
}

TEST_F(OrdersListFilter, TextCombinesWithTheOtherFiltersAndTheCursor) {
    store::OrderListQuery q;
    q.text = "o";  // in every buyer
    EXPECT_EQ(ids(q), (Ids{obrien_, jan_, acme_, lukasz_}));
    q.paid = false;
    q.origin = store::OrderOrigin::BaseLinker;
    EXPECT_EQ(ids(q), (Ids{jan_, lukasz_}));
    q.limit = 1;
    EXPECT_EQ(ids(q), (Ids{jan_}));
    q.before_id = jan_;
    EXPECT_EQ(ids(q), (Ids{lukasz_}));
    q.date_from = 1001;
    EXPECT_TRUE(ids(q).empty());
}

TEST_F(OrdersListFilter, StatsCountOriginsPaymentOversellsAndTheLastDay) {
    auto fresh = buyer(7010, kNow - 3600);
    fresh.lines = {line(2, 0, 2)};  // "Żółw pluszowy" has no stock: oversold
    add(fresh);
    auto yesterday = buyer(7011, kNow - 2 * 24 * 3600);
    yesterday.paid = true;
    add(yesterday);
    auto stats = orders().order_stats(kNow);
    EXPECT_EQ(stats.total, 6);
    EXPECT_EQ(stats.from_baselinker, 5);
    EXPECT_EQ(stats.from_shop, 1);
    EXPECT_EQ(stats.unpaid, 4);
    EXPECT_EQ(stats.with_oversells, 1);
    EXPECT_EQ(stats.last_24h, 1);
    EXPECT_EQ(orders().order_stats(kNow + 24 * 3600).last_24h, 0);
}

TEST_F(OrdersListFilter, StatsOfAShopWithoutOrdersAreZero) {
    testing_support::TempDb empty_db;
    auto empty = empty_db.init();
    auto stats = empty->orders().order_stats(kNow);
    EXPECT_EQ(stats.total, 0);
    EXPECT_EQ(stats.unpaid, 0);
    EXPECT_EQ(stats.with_oversells, 0);
    EXPECT_EQ(stats.last_24h, 0);
}
