// Changes to existing orders: status (cancellation returns stock once per transition), shipments,
// paid flag, staff comments.
#include "OrdersTest.h"
#include "support/Must.h"

using namespace store_tests;
using store::UpdateResult;

namespace {

constexpr store::Id kCancelled = 6;  // "Anulowane" in the seeded statuses

TEST_F(OrdersTest, StatusChangeIsRecordedWithActor) {
    auto id = add(bl_order(5001, {line(1, 0, 1)})).order_id;
    auto r = orders().set_status(id, 2, "cli", kNow + 10);
    EXPECT_EQ(r.result, UpdateResult::Applied);
    EXPECT_FALSE(r.stock_returned);
    auto o = get(id);
    EXPECT_EQ(o.status_id, 2);
    ASSERT_EQ(o.history.size(), 2u);
    EXPECT_EQ(o.history[1].from_status, 1);
    EXPECT_EQ(o.history[1].to_status, 2);
    EXPECT_EQ(o.history[1].actor, "cli");
    EXPECT_EQ(o.history[1].at, kNow + 10);
}

TEST_F(OrdersTest, StatusRejectsUnknownsAndSkipsTheSameStatus) {
    auto id = add(bl_order(5001, {line(1, 0, 1)})).order_id;
    EXPECT_EQ(orders().set_status(999, 2, "cli", kNow).result, UpdateResult::UnknownOrder);
    EXPECT_EQ(orders().set_status(id, 99, "cli", kNow).result, UpdateResult::UnknownStatus);
    EXPECT_EQ(orders().set_status(id, 1, "cli", kNow).result, UpdateResult::Unchanged);
    EXPECT_EQ(get(id).history.size(), 1u);
    EXPECT_EQ(get(id).status_id, 1);
}

TEST_F(OrdersTest, CancellationReturnsStockOncePerTransition) {
    auto id =
        add(bl_order(5001, {line(1, 0, 12), line(3, red_, 2), line(std::nullopt, 0, 1)})).order_id;
    ASSERT_EQ(stock(1), 0);
    ASSERT_EQ(stock(3, red_), 1);
    auto first = orders().set_status(id, kCancelled, "baselinker", kNow);
    EXPECT_EQ(first.result, UpdateResult::Applied);
    EXPECT_TRUE(first.stock_returned);
    EXPECT_EQ(stock(1), 10);  // what was taken, not what was ordered
    EXPECT_EQ(stock(3, red_), 3);
    EXPECT_EQ(get(id).history.back().note, "stock returned: 12 units");
    EXPECT_TRUE(get(id).stock_returned);

    // Reviving takes the stock again (StockLedgerTest), cancelling gives it back again.
    EXPECT_TRUE(orders().set_status(id, 1, "baselinker", kNow).stock_retaken);
    EXPECT_EQ(stock(1), 0);
    auto again = orders().set_status(id, kCancelled, "baselinker", kNow);
    EXPECT_EQ(again.result, UpdateResult::Applied);
    EXPECT_TRUE(again.stock_returned);
    EXPECT_EQ(stock(1), 10);
    EXPECT_EQ(stock(3, red_), 3);
    EXPECT_EQ(get(id).history.size(), 4u);
}

TEST_F(OrdersTest, CancellationSkipsAVariantDeletedMeanwhile) {
    auto id = add(bl_order(5001, {line(1, 0, 2), line(3, red_, 1)})).order_id;
    store::ImportBatch without_red = small_shop();
    auto koszulka = without_red.products[2];
    koszulka.variants.erase(koszulka.variants.begin());
    without_red.products = {koszulka};  // the other products keep their stock
    must(store_->catalog().import(without_red, nullptr, nullptr));
    ASSERT_EQ(detail(3).variants.size(), 1u);
    auto r = orders().set_status(id, kCancelled, "cli", kNow);
    EXPECT_TRUE(r.stock_returned);
    EXPECT_EQ(stock(1), 10);
}

TEST_F(OrdersTest, ReplacementOfACancelledOrderTakesNoStock) {
    auto id = add(bl_order(5001, {line(1, 0, 2)})).order_id;
    orders().set_status(id, kCancelled, "cli", kNow);
    ASSERT_EQ(stock(1), 10);
    add(bl_order(5001, {line(1, 0, 4)}), id);
    EXPECT_EQ(stock(1), 10);
}

TEST_F(OrdersTest, ShipmentsAreNotAddedTwiceAndTheLatestIsReported) {
    auto id = add(bl_order(5001, {line(1, 0, 1)})).order_id;
    EXPECT_EQ(orders().add_shipment(id, {"AB123", "DPD", "https://t/AB123", 0}, "cli", kNow),
              UpdateResult::Applied);
    EXPECT_EQ(orders().add_shipment(id, {"CD456", "InPost", "", 0}, "baselinker", kNow + 5),
              UpdateResult::Applied);
    EXPECT_EQ(orders().add_shipment(id, {"AB123", "DPD", "", 0}, "cli", kNow + 9),
              UpdateResult::Unchanged);
    EXPECT_EQ(orders().add_shipment(999, {"X", "", "", 0}, "cli", kNow),
              UpdateResult::UnknownOrder);
    auto o = get(id);
    ASSERT_EQ(o.shipments.size(), 2u);
    EXPECT_EQ(o.shipments[0].url, "https://t/AB123");
    ASSERT_TRUE(o.latest_shipment.has_value());
    EXPECT_EQ(o.latest_shipment->number, "CD456");
    EXPECT_EQ(o.latest_shipment->carrier, "InPost");
    EXPECT_EQ(o.latest_shipment->created_at, kNow + 5);
    auto page = orders().orders_page({}, {0, 100});
    EXPECT_EQ(page.orders.at(0).latest_shipment->number, "CD456");
    EXPECT_EQ(orders().list_orders({}).at(0).latest_tracking, "CD456");
}

TEST_F(OrdersTest, PaidSetsAndClearsPaidTime) {
    auto id = add(bl_order(5001, {line(1, 0, 1)})).order_id;
    EXPECT_EQ(orders().set_paid(id, true, "cli", kNow + 100), UpdateResult::Applied);
    EXPECT_EQ(get(id).paid_time, kNow + 100);
    EXPECT_EQ(orders().set_paid(id, true, "cli", kNow + 200), UpdateResult::Unchanged);
    EXPECT_EQ(get(id).paid_time, kNow + 100);  // first payment time kept
    EXPECT_EQ(orders().set_paid(id, false, "cli", kNow + 300), UpdateResult::Applied);
    EXPECT_FALSE(get(id).paid);
    EXPECT_EQ(get(id).paid_time, 0);
    EXPECT_EQ(orders().set_paid(id, false, "cli", kNow), UpdateResult::Unchanged);
    EXPECT_EQ(orders().set_paid(999, true, "cli", kNow), UpdateResult::UnknownOrder);
}

TEST_F(OrdersTest, StaffCommentsAreJoinedByNewlines) {
    auto id = add(bl_order(5001, {line(1, 0, 1)})).order_id;
    EXPECT_EQ(orders().add_staff_comment(id, "Klient prosi o fakturę", "admin:ola", kNow),
              UpdateResult::Applied);
    EXPECT_EQ(orders().add_staff_comment(id, "Wysłano ponownie", "cli", kNow),
              UpdateResult::Applied);
    EXPECT_EQ(orders().add_staff_comment(999, "x", "cli", kNow), UpdateResult::UnknownOrder);
    EXPECT_EQ(get(id).admin_comments, "Klient prosi o fakturę\nWysłano ponownie");
    EXPECT_EQ(orders().orders_page({}, {0, 10}).orders.at(0).admin_comments,
              "Klient prosi o fakturę\nWysłano ponownie");
}

}  // namespace
