// OrderAdd in the store: exactly once, replace in place, binding, unknown-product policies,
// stock taken in the same transaction (never below 0), first status, storefront orders.
#include "OrdersTest.h"

using namespace store_tests;
using Kind = store::AddOrderResult::Kind;

namespace {

TEST_F(OrdersTest, CreatesAnOrderAndTakesStockOfProductsAndVariants) {
    auto r = add(bl_order(5001, {line(1, 0, 2, 3490), line(3, red_, 1, 7999)}));
    ASSERT_EQ(r.kind, Kind::Created);
    EXPECT_GT(r.order_id, 0);
    EXPECT_EQ(stock(1), 8);
    EXPECT_EQ(stock(3, red_), 2);
    EXPECT_EQ(stock(3), 6);  // the product reports the sum of its variants
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].stock_taken, 2);
    EXPECT_EQ(r.lines[1].variant_id, red_);

    auto o = get(r.order_id);
    EXPECT_EQ(o.origin, store::OrderOrigin::BaseLinker);
    EXPECT_EQ(o.baselinker_id, 5001);
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].product_id, 1);
    EXPECT_EQ(o.lines[0].quantity, 2);
    EXPECT_DOUBLE_EQ(o.lines[0].weight_kg, 0.35);
    EXPECT_EQ(o.lines[1].variant_id, red_);
    EXPECT_EQ(o.total(), zl(2 * 3490 + 7999));
}

TEST_F(OrdersTest, KnownBaselinkerIdReturnsTheSameOrderAndChangesNothing) {
    auto first = add(bl_order(5001, {line(1, 0, 2)}));
    auto changed = bl_order(5001, {line(1, 0, 5)});
    changed.delivery.fullname = "Someone Else";
    auto again = add(changed);
    EXPECT_EQ(again.kind, Kind::Duplicate);
    EXPECT_EQ(again.order_id, first.order_id);
    EXPECT_EQ(stock(1), 8);  // taken once
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(get(first.order_id).delivery.fullname, "Jan Kowalski");
    EXPECT_EQ(get(first.order_id).lines.at(0).quantity, 2);
}

TEST_F(OrdersTest, ReplacementKeepsTheIdAndMovesStockByTheDifferenceBothWays) {
    auto first = add(bl_order(5001, {line(1, 0, 2), line(3, red_, 1), line(5, 0, 3)}));
    ASSERT_EQ(stock(1), 8);
    ASSERT_EQ(stock(5), 4);
    // More of product 1, less of the red variant, product 5 gone, blue new.
    auto second = bl_order(5002, {line(1, 0, 5), line(3, blue_, 2)});
    second.delivery.fullname = "Anna Nowak";
    auto r = add(second, first.order_id);
    EXPECT_EQ(r.kind, Kind::Replaced);
    EXPECT_EQ(r.order_id, first.order_id);
    EXPECT_EQ(stock(1), 5);        // 3 more taken
    EXPECT_EQ(stock(3, red_), 3);  // given back
    EXPECT_EQ(stock(3, blue_), 2);
    EXPECT_EQ(stock(5), 7);  // given back
    EXPECT_EQ(order_count(), 1);

    auto o = get(first.order_id);
    EXPECT_EQ(o.delivery.fullname, "Anna Nowak");
    EXPECT_EQ(o.baselinker_id, 5002);
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].quantity, 5);
    EXPECT_EQ(o.lines[0].stock_taken, 5);
    EXPECT_EQ(o.lines[1].variant_id, blue_);

    // Replaying the same replacement moves nothing.
    add(second, first.order_id);
    EXPECT_EQ(stock(1), 5);
    EXPECT_EQ(stock(3, blue_), 2);
}

TEST_F(OrdersTest, ReplacementRetriesAnEarlierShortfall) {
    auto first = add(bl_order(5001, {line(1, 0, 12)}));  // stock 10: 2 oversold
    ASSERT_EQ(first.lines.at(0).oversold, 2);
    store::StockChange restock{0, 1, 0, store::StockOp::Set, 5};
    store_->catalog().apply_stock_changes(std::span(&restock, 1));
    auto r = add(bl_order(5001, {line(1, 0, 12)}), first.order_id);
    EXPECT_EQ(r.lines.at(0).stock_taken, 12);
    EXPECT_EQ(r.lines.at(0).oversold, 0);
    EXPECT_EQ(stock(1), 3);
}

TEST_F(OrdersTest, UnknownPreviousOrderCreatesANewOne) {
    auto first = add(bl_order(5001, {line(1, 0, 1)}));
    auto r = add(bl_order(5002, {line(1, 0, 1)}), 999);
    EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_NE(r.order_id, first.order_id);
    EXPECT_EQ(order_count(), 2);
    EXPECT_EQ(stock(1), 8);
}

TEST_F(OrdersTest, RejectPolicyWritesNothing) {
    options_.unknown_products = store::UnknownProducts::Reject;
    auto r = add(bl_order(5001, {line(1, 0, 2), line(77, 0, 1), coded("NOPE", "", 1)}));
    EXPECT_EQ(r.kind, Kind::Rejected);
    EXPECT_EQ(r.unmatched_lines, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock(1), 10);
    // The id is still free: the same order with known products goes in.
    EXPECT_EQ(add(bl_order(5001, {line(1, 0, 2)})).kind, Kind::Created);
}

TEST_F(OrdersTest, RejectedReplacementLeavesThePreviousVersion) {
    auto first = add(bl_order(5001, {line(1, 0, 2)}));
    options_.unknown_products = store::UnknownProducts::Reject;
    auto r = add(bl_order(5001, {line(77, 0, 1)}), first.order_id);
    EXPECT_EQ(r.kind, Kind::Rejected);
    EXPECT_EQ(get(first.order_id).lines.at(0).product_id, 1);
    EXPECT_EQ(stock(1), 8);
}

TEST_F(OrdersTest, KeepPolicyStoresAFreeLineWithoutStock) {
    auto free_line = line(77, 5, 3, 1234);
    free_line.name = "Nieznany produkt";
    auto r = add(bl_order(5001, {free_line, line(1, 0, 1)}));
    EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_EQ(r.unmatched_lines, (std::vector<std::size_t>{0}));
    auto o = get(r.order_id);
    EXPECT_FALSE(o.lines[0].product_id.has_value());
    EXPECT_EQ(o.lines[0].variant_id, 0);
    EXPECT_EQ(o.lines[0].name, "Nieznany produkt");
    EXPECT_EQ(o.lines[0].stock_taken, 0);
    EXPECT_EQ(o.lines[0].oversold, 0);
    EXPECT_EQ(o.lines[0].unit_price, zl(1234));
    EXPECT_EQ(stock(1), 9);
}

TEST_F(OrdersTest, BindsBySkuThenEanForProductsAndVariants) {
    auto r = add(bl_order(
        5001, {coded("KUB-1", "", 1), coded("KOS-1-R", "", 1), coded("", "5901234123457", 1),
               coded("", "5900000000029", 1), coded("NO-SUCH", "5901234123457", 1)}));
    ASSERT_TRUE(r.unmatched_lines.empty());
    EXPECT_EQ(r.lines[0].product_id, 1);
    EXPECT_EQ(r.lines[1].variant_id, red_);
    EXPECT_EQ(r.lines[2].product_id, 1);
    EXPECT_EQ(r.lines[3].variant_id, blue_);
    EXPECT_EQ(r.lines[4].product_id, 1);
    EXPECT_EQ(stock(1), 7);
    EXPECT_EQ(stock(3, red_), 2);
    EXPECT_EQ(stock(3, blue_), 3);
}

TEST_F(OrdersTest, UnknownIdFallsBackToCodesUnlessMatchingByCodesIsOff) {
    auto l = coded("KUB-1", "", 1);
    l.product_id = 999;
    EXPECT_EQ(add(bl_order(5001, {l})).lines.at(0).product_id, 1);
    options_.match_by_codes = false;
    auto r = add(bl_order(5002, {l}));
    EXPECT_EQ(r.unmatched_lines, (std::vector<std::size_t>{0}));
    EXPECT_EQ(stock(1), 9);
}

TEST_F(OrdersTest, VariantZeroOfAProductWithVariantsDoesNotBind) {
    auto l = line(3, 0, 1);
    l.sku = "KOS-1";  // the parent's code holds no stock either
    auto r = add(bl_order(5001, {l, line(3, 999, 1)}));
    EXPECT_EQ(r.unmatched_lines, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(stock(3), 7);
}

TEST_F(OrdersTest, ShortfallIsAnOversellAndStockStopsAtZero) {
    auto r = add(bl_order(5001, {line(1, 0, 7), line(1, 0, 5), line(2, 0, 1)}));
    EXPECT_EQ(stock(1), 0);
    EXPECT_EQ(r.lines[0].stock_taken, 7);
    EXPECT_EQ(r.lines[1].stock_taken, 3);
    EXPECT_EQ(r.lines[1].oversold, 2);
    EXPECT_EQ(r.lines[2].oversold, 1);  // product 2 has no stock at all
    auto o = get(r.order_id);
    EXPECT_EQ(o.lines[1].oversold, 2);
    EXPECT_EQ(orders().list_orders({}).at(0).oversold, 3);
}

TEST_F(OrdersTest, WithoutChangeProductsQuantityStockStays) {
    auto o = bl_order(5001, {line(1, 0, 2)});
    o.take_stock = false;
    auto r = add(o);
    EXPECT_EQ(r.lines.at(0).product_id, 1);  // still bound
    EXPECT_EQ(r.lines.at(0).stock_taken, 0);
    EXPECT_EQ(r.lines.at(0).oversold, 0);
    EXPECT_EQ(stock(1), 10);
}

TEST_F(OrdersTest, FirstStatusIsTheKnownOneOrTheDefaultAndIsRecorded) {
    options_.default_status = 3;
    auto known = bl_order(5001, {line(1, 0, 1)});
    known.status_id = 2;
    auto unknown = bl_order(5002, {line(1, 0, 1)});
    unknown.status_id = 99;
    auto a = get(add(known).order_id);
    auto b = get(add(unknown).order_id);
    EXPECT_EQ(a.status_id, 2);
    EXPECT_EQ(b.status_id, 3);
    ASSERT_EQ(a.history.size(), 1u);
    EXPECT_FALSE(a.history[0].from_status.has_value());
    EXPECT_EQ(a.history[0].to_status, 2);
    EXPECT_EQ(a.history[0].actor, "baselinker");
    EXPECT_EQ(a.history[0].at, kNow);
}

TEST_F(OrdersTest, DateAndPaidTimeDefaultToNow) {
    auto o = bl_order(5001, {line(1, 0, 1)});
    o.paid = true;
    auto a = get(add(o).order_id);
    EXPECT_EQ(a.date_add, kNow);
    EXPECT_TRUE(a.paid);
    EXPECT_EQ(a.paid_time, kNow);
    auto dated = bl_order(5002, {line(1, 0, 1)});
    dated.date_add = 1'700'000'000;
    auto b = get(add(dated).order_id);
    EXPECT_EQ(b.date_add, 1'700'000'000);
    EXPECT_FALSE(b.paid);
    EXPECT_EQ(b.paid_time, 0);
}

TEST_F(OrdersTest, StorefrontOrderIsAShopOrderAndAlwaysTakesStock) {
    auto o = bl_order(5001, {line(1, 0, 2)});
    o.take_stock = false;  // ignored for the storefront
    auto r = orders().create_shop_order(o, options_, kNow);
    EXPECT_EQ(r.kind, Kind::Created);
    auto got = get(r.order_id);
    EXPECT_EQ(got.origin, store::OrderOrigin::Shop);
    EXPECT_FALSE(got.baselinker_id.has_value());
    EXPECT_EQ(stock(1), 8);
    // Several storefront orders: no baselinker id to collide on.
    EXPECT_EQ(orders().create_shop_order(o, options_, kNow).kind, Kind::Created);
    EXPECT_EQ(order_count(), 2);
}

TEST_F(OrdersTest, AllFieldsAndPolishTextRoundTrip) {
    auto o = bl_order(5001, {line(1, 0, 1, 3490)});
    o.delivery = {
        "Zażółć Gęślą", "Jaźń Sp. z o.o.", "ul. Łódzka 5/7", "Łódź", "90-001", "", "Polska", "PL"};
    o.invoice = {"Ćma Żółta", "Firma", "ul. Śląska 1", "Kraków", "30-001", "MA", "Polska", "PL"};
    o.invoice_nip = "PL1234567890";
    o.want_invoice = true;
    o.point = {"WAW01M", "Paczkomat WAW01M", "ul. Źródlana 3", "00-001", "Warszawa"};
    o.phone = "+48 600 100 200";
    o.currency = "EUR";
    o.delivery_method = "Kurier DPD — pobranie";
    o.delivery_method_id = 8;
    o.delivery_price = zl(1599);
    o.payment_method = "Za pobraniem";
    o.payment_method_id = 5;
    o.cod = true;
    o.user_comments = "Proszę dzwonić przed doręczeniem 🙂";
    o.transaction_id = "tx-1";
    o.client_login = "kupujący_1";
    o.service_account = "allegro:sklep";
    o.lines[0].name = "Kubek „Żubr” 330 ml";
    o.lines[0].tax_rate_bp = 2300;
    o.lines[0].auction_id = "123456";
    o.lines[0].attributes = {{"Kolor", "żółty", zl(0)}, {"Grawer", "Łukasz", zl(500)}};
    auto got = get(add(o).order_id);
    EXPECT_EQ(got.delivery.fullname, "Zażółć Gęślą");
    EXPECT_EQ(got.delivery.city, "Łódź");
    EXPECT_EQ(got.invoice.state_code, "MA");
    EXPECT_EQ(got.invoice_nip, "PL1234567890");
    EXPECT_TRUE(got.want_invoice);
    EXPECT_EQ(got.point.address, "ul. Źródlana 3");
    EXPECT_EQ(got.currency, "EUR");
    EXPECT_EQ(got.delivery_method, "Kurier DPD — pobranie");
    EXPECT_EQ(got.delivery_method_id, 8);
    EXPECT_EQ(got.payment_method_id, 5);
    EXPECT_TRUE(got.cod);
    EXPECT_EQ(got.user_comments, "Proszę dzwonić przed doręczeniem 🙂");
    EXPECT_EQ(got.client_login, "kupujący_1");
    EXPECT_EQ(got.service_account, "allegro:sklep");
    EXPECT_EQ(got.lines[0].name, "Kubek „Żubr” 330 ml");
    EXPECT_EQ(got.lines[0].auction_id, "123456");
    EXPECT_EQ(got.lines[0].tax_rate_bp, 2300);
    ASSERT_EQ(got.lines[0].attributes.size(), 2u);
    EXPECT_EQ(got.lines[0].attributes[1].value, "Łukasz");
    EXPECT_EQ(got.lines[0].attributes[1].price, zl(500));
    EXPECT_EQ(got.total(), zl(3490 + 1599));
}

TEST_F(OrdersTest, LinesAndDeliveryAddUpToTheTotalIncludingDiscounts) {
    auto o = bl_order(5001, {line(1, 0, 3, 3333), line(std::nullopt, 0, 1, -1000)});
    o.delivery_price = zl(1299);
    auto got = get(add(o).order_id);
    core::Money sum = got.delivery_price;
    for (const auto& l : got.lines) sum = sum + l.unit_price * l.quantity;
    EXPECT_EQ(got.total(), sum);
    EXPECT_EQ(got.total(), zl(3 * 3333 - 1000 + 1299));
    EXPECT_EQ(orders().list_orders({}).at(0).total, got.total());
}

TEST_F(OrdersTest, TenThousandLineOrder) {
    std::vector<store::OrderLineInput> lines;
    for (int i = 0; i < 10'000; ++i) lines.push_back(line(i % 2 ? 1 : 4, 0, 1, 100 + i % 7));
    auto r = add(bl_order(5001, lines));
    ASSERT_EQ(r.kind, Kind::Created);
    auto got = get(r.order_id);
    ASSERT_EQ(got.lines.size(), 10'000u);
    EXPECT_EQ(stock(1), 0);  // 5,000 wanted, 10 in stock
    EXPECT_EQ(stock(4), 0);  // 5,000 wanted, 100 in stock
    EXPECT_EQ(orders().list_orders({}).at(0).oversold, 10'000 - 110);
}

}  // namespace
