// OrdersGet pages (filters, paging, order_id alone), the staff listing and order detail.
#include "OrdersTest.h"

using namespace store_tests;

namespace {

class OrdersRead : public OrdersTest {
  protected:
    // Five orders: ids 1..5, date_add 100..500, orders 2 and 4 paid, one shop order (5).
    void SetUp() override {
        OrdersTest::SetUp();
        for (int i = 1; i <= 4; ++i) {
            auto o = bl_order(6000 + i, {line(1, 0, 1, 100 * i), line(std::nullopt, 0, 2, 50)});
            o.date_add = 100 * i;
            o.paid = i % 2 == 0;
            ids_.push_back(add(o).order_id);
        }
        auto shop = bl_order(std::nullopt, {line(4, 0, 1)});
        shop.date_add = 500;
        ids_.push_back(orders().create_shop_order(shop, options_, kNow).order_id);
    }
    std::vector<store::Id> page_ids(const store::OrderQuery& q, store::Slice s = {0, 100}) {
        std::vector<store::Id> out;
        for (const auto& o : orders().orders_page(q, s).orders) out.push_back(o.id);
        return out;
    }
    std::vector<store::Id> ids_;
};

TEST_F(OrdersRead, AllOrdersOfBothOriginsInAscendingIdOrder) {
    auto page = orders().orders_page({}, {0, 100});
    EXPECT_EQ(page.total, 5);
    EXPECT_EQ(page_ids({}), ids_);
    EXPECT_EQ(page.orders[4].origin, store::OrderOrigin::Shop);
    ASSERT_EQ(page.orders[1].lines.size(), 2u);
    EXPECT_EQ(page.orders[1].lines[0].unit_price, zl(200));
    EXPECT_FALSE(page.orders[1].lines[1].product_id.has_value());
    EXPECT_EQ(page.orders[1].total(), zl(300));
}

TEST_F(OrdersRead, TimeFromIsInclusiveAndIdFromIsStrict) {
    store::OrderQuery q;
    q.time_from = 300;
    EXPECT_EQ(page_ids(q), (std::vector<store::Id>{ids_[2], ids_[3], ids_[4]}));
    q.id_from = ids_[3];
    EXPECT_EQ(page_ids(q), (std::vector<store::Id>{ids_[4]}));
    store::OrderQuery only_id;
    only_id.id_from = ids_[0];
    EXPECT_EQ(orders().orders_page(only_id, {0, 100}).total, 4);
}

TEST_F(OrdersRead, OnlyPaid) {
    store::OrderQuery q;
    q.only_paid = true;
    EXPECT_EQ(page_ids(q), (std::vector<store::Id>{ids_[1], ids_[3]}));
    EXPECT_TRUE(orders().orders_page(q, {0, 100}).orders.at(0).paid);
}

TEST_F(OrdersRead, OrderIdAloneIgnoresTheOtherFilters) {
    store::OrderQuery q;
    q.order_id = ids_[0];
    q.time_from = 10'000;
    q.id_from = 999;
    q.only_paid = true;
    auto page = orders().orders_page(q, {0, 100});
    EXPECT_EQ(page.total, 1);
    EXPECT_EQ(page_ids(q), (std::vector<store::Id>{ids_[0]}));
    q.order_id = 999;
    EXPECT_TRUE(orders().orders_page(q, {0, 100}).orders.empty());
    EXPECT_EQ(orders().orders_page(q, {0, 100}).total, 0);
}

TEST_F(OrdersRead, PagesSliceButCountEverything) {
    auto second = orders().orders_page({}, {2, 2});
    EXPECT_EQ(second.total, 5);
    ASSERT_EQ(second.orders.size(), 2u);
    EXPECT_EQ(second.orders[0].id, ids_[2]);
    EXPECT_EQ(second.orders[0].lines.size(), 2u);
    auto beyond = orders().orders_page({}, {10, 2});
    EXPECT_EQ(beyond.total, 5);
    EXPECT_TRUE(beyond.orders.empty());
}

TEST_F(OrdersRead, ListIsNewestFirstWithFiltersAndCursor) {
    auto all = orders().list_orders({});
    ASSERT_EQ(all.size(), 5u);
    EXPECT_EQ(all[0].id, ids_[4]);
    EXPECT_EQ(all[0].origin, store::OrderOrigin::Shop);
    EXPECT_EQ(all[1].baselinker_id, 6004);
    EXPECT_EQ(all[1].status_name, "Nowe");
    EXPECT_EQ(all[1].buyer, "Jan Kowalski");
    EXPECT_EQ(all[1].total, zl(400 + 100));

    store::OrderListQuery q;
    q.origin = store::OrderOrigin::BaseLinker;
    q.paid = true;
    auto paid = orders().list_orders(q);
    ASSERT_EQ(paid.size(), 2u);
    EXPECT_EQ(paid[0].id, ids_[3]);
    EXPECT_EQ(paid[1].id, ids_[1]);

    store::OrderListQuery cursor;
    cursor.limit = 2;
    cursor.before_id = ids_[3];
    auto older = orders().list_orders(cursor);
    ASSERT_EQ(older.size(), 2u);
    EXPECT_EQ(older[0].id, ids_[2]);
    EXPECT_EQ(older[1].id, ids_[1]);

    orders().set_status(ids_[0], 2, "cli", kNow);
    store::OrderListQuery by_status;
    by_status.status_id = 2;
    auto in_progress = orders().list_orders(by_status);
    ASSERT_EQ(in_progress.size(), 1u);
    EXPECT_EQ(in_progress[0].status_name, "W realizacji");
}

TEST_F(OrdersRead, DetailOfAnUnknownOrderIsEmpty) {
    EXPECT_FALSE(orders().order_detail(999).has_value());
}

}  // namespace
