// OrdersGet over HTTP (docs/protocol.md §3.1): filters, strict id_from, order_id alone, paging with
// `pages`, orders of both origins, the latest shipment, staff comments, and the wire types.
#include "ConnectorOrderFixture.h"

namespace order_test {
namespace {

// Ids of a page in the order they appear on the wire ("pages" left out).
std::vector<store::Id> ids_of(const json::value& page) {
    std::vector<store::Id> ids;
    if (!page.is_object()) return ids;
    for (const auto& [key, value] : page.as_object()) {
        if (key != "pages") ids.push_back(std::stoll(std::string(key)));
    }
    return ids;
}

class ConnectorOrdersGet : public OrderHttpTest {
  protected:
    // Four BaseLinker orders: dates 1000, 2000, 3000, 4000; the second and fourth paid.
    void add_four() {
        for (int i = 1; i <= 4; ++i) {
            auto fields = simple_order("70" + std::to_string(i));
            fields["date_add"] = std::to_string(i * 1000);
            fields["paid"] = i % 2 == 0 ? "1" : "0";
            ids_.push_back(add_order(fields));
        }
    }
    json::value get(const Fields& fields) { return call_json("OrdersGet", fields); }
    std::vector<store::Id> ids_;
};

TEST_F(ConnectorOrdersGet, NoOrdersIsAnEmptyArray) {
    EXPECT_EQ(call("OrdersGet").body, "[]");
    EXPECT_EQ(call("OrdersGet", {{"order_id", "1"}}).body, "[]");
}

TEST_F(ConnectorOrdersGet, AllOrdersAscendingWithPages) {
    add_four();
    const auto page = get({});
    EXPECT_EQ(ids_of(page), ids_);
    EXPECT_EQ(page.at("pages"), json::value(1));
    EXPECT_TRUE(std::is_sorted(ids_.begin(), ids_.end()));
}

TEST_F(ConnectorOrdersGet, TimeFromIsInclusive) {
    add_four();
    EXPECT_EQ(ids_of(get({{"time_from", "2000"}})),
              (std::vector<store::Id>{ids_[1], ids_[2], ids_[3]}));
    EXPECT_EQ(ids_of(get({{"time_from", "2001"}})), (std::vector<store::Id>{ids_[2], ids_[3]}));
    EXPECT_EQ(call("OrdersGet", {{"time_from", "4001"}}).body, "[]");
}

TEST_F(ConnectorOrdersGet, IdFromIsStrict) {
    add_four();
    EXPECT_EQ(ids_of(get({{"id_from", std::to_string(ids_[1])}})),
              (std::vector<store::Id>{ids_[2], ids_[3]}));
    EXPECT_EQ(call("OrdersGet", {{"id_from", std::to_string(ids_[3])}}).body, "[]");
    // Combined with time_from: AND.
    EXPECT_EQ(ids_of(get({{"id_from", std::to_string(ids_[0])}, {"time_from", "3000"}})),
              (std::vector<store::Id>{ids_[2], ids_[3]}));
}

TEST_F(ConnectorOrdersGet, OnlyPaid) {
    add_four();
    EXPECT_EQ(ids_of(get({{"only_paid", "1"}})), (std::vector<store::Id>{ids_[1], ids_[3]}));
    EXPECT_EQ(ids_of(get({{"only_paid", "0"}})), ids_);
    EXPECT_EQ(ids_of(get({{"only_paid", "1"}, {"time_from", "3000"}})),
              (std::vector<store::Id>{ids_[3]}));
}

TEST_F(ConnectorOrdersGet, OrderIdAloneIgnoresTheOtherFilters) {
    add_four();
    const auto page = get({{"order_id", std::to_string(ids_[0])},
                           {"id_from", std::to_string(ids_[3])},
                           {"only_paid", "1"},
                           {"time_from", "999999"}});
    EXPECT_EQ(ids_of(page), (std::vector<store::Id>{ids_[0]}));
    EXPECT_EQ(page.at("pages"), json::value(1));
    EXPECT_EQ(call("OrdersGet", {{"order_id", "999999"}}).body, "[]");
}

TEST_F(ConnectorOrdersGet, NonIntegerFiltersAreInvalidParameter) {
    for (const char* field : {"time_from", "id_from", "order_id"}) {
        const auto text = expect_error(call("OrdersGet", {{field, "12abc"}}), "invalid_parameter");
        EXPECT_TRUE(text.starts_with(std::string(field) + ": ")) << text;
    }
}

TEST_F(ConnectorOrdersGet, OnlyPaidIsReadWithPhpTruthiness) {
    auto unpaid_fields = example_order("5001");
    unpaid_fields["paid"] = "0";
    const auto unpaid = add_order(unpaid_fields);
    auto paid_fields = example_order("5002");
    paid_fields["paid"] = "1";
    const auto paid = add_order(paid_fields);
    for (const char* yes : {"1", "yes", "on", "true"}) {
        auto only = call_json("OrdersGet", {{"only_paid", yes}});
        ASSERT_TRUE(only.is_object()) << yes;
        EXPECT_TRUE(only.as_object().contains(std::to_string(paid))) << yes;
        EXPECT_FALSE(only.as_object().contains(std::to_string(unpaid))) << yes;
    }
    for (const char* no : {"0", "no", "off", "", "junk"}) {
        auto all = call_json("OrdersGet", {{"only_paid", no}});
        ASSERT_TRUE(all.is_object()) << no;
        EXPECT_TRUE(all.as_object().contains(std::to_string(unpaid))) << no;
    }
}

TEST_F(ConnectorOrdersGet, BothOriginsWithStatusPaymentShipmentAndStaffComments) {
    const auto from_baselinker = add_order(example_order());
    store::OrderInput shop;
    shop.origin = store::OrderOrigin::Shop;
    shop.delivery.fullname = "Łukasz Żak";
    shop.payment_method = "Przelew";
    shop.payment_method_id = 1;
    shop.status_id = 2;
    shop.delivery_price = *core::Money::parse("9.99");
    store::OrderLineInput line;
    line.product_id = simple_id_;
    line.name = "Sklep";
    line.unit_price = *core::Money::parse("20.00");
    line.quantity = 2;
    line.tax_rate_bp = 2300;
    shop.lines = {line};
    store::AddOrderOptions options;
    options.actor = "test";
    const auto from_shop = second_->orders().create_shop_order(shop, options, 1764370800).order_id;
    ASSERT_EQ(second_->orders().add_staff_comment(from_shop, "Zadzwonić przed wysyłką", "test",
                                                  1764370801),
              store::UpdateResult::Applied);
    store::Shipment shipment;
    shipment.number = "SHOP-1";
    shipment.carrier = "DPD";
    ASSERT_EQ(second_->orders().add_shipment(from_shop, shipment, "test", 1764370802),
              store::UpdateResult::Applied);

    const auto page = get({});
    EXPECT_EQ(ids_of(page), (std::vector<store::Id>{from_baselinker, from_shop}));
    const auto& order = page.at(std::to_string(from_shop));
    EXPECT_EQ(order.at("delivery_fullname"), json::value("Łukasz Żak"));
    EXPECT_EQ(order.at("status_id"), json::value("2"));
    EXPECT_EQ(order.at("payment_method_id"), json::value("1"));
    EXPECT_EQ(order.at("delivery_method_id"), json::value(""));  // unknown: ""
    EXPECT_EQ(order.at("date_add"), json::value(1764370800));
    EXPECT_EQ(order.at("paid"), json::value(0));
    EXPECT_EQ(order.at("paid_time"), json::value(0));
    EXPECT_EQ(order.at("delivery_package_nr"), json::value("SHOP-1"));
    EXPECT_EQ(order.at("delivery_package_module"), json::value("DPD"));
    EXPECT_EQ(order.at("admin_comments"), json::value("Zadzwonić przed wysyłką"));
    const auto& lines = order.at("products");
    EXPECT_EQ(lines.at(0).at("id"), json::value(std::to_string(simple_id_)));
    EXPECT_EQ(lines.at(0).at("weight"), json::value(simple_weight_));
    const auto body = call("OrdersGet", {{"order_id", std::to_string(from_shop)}}).body;
    EXPECT_NE(body.find(R"("quantity":2,"price":20.00,"tax":23,)"), std::string::npos) << body;
    EXPECT_NE(body.find(R"("delivery_price":9.99,)"), std::string::npos) << body;
    // The storefront took its stock.
    EXPECT_EQ(stock(simple_id_), kStartStock - 2);
}

class ConnectorOrdersGetPaged : public ConnectorOrdersGet {
  protected:
    void configure(app::Config& config) override { config.endpoint.connector.orders.page_size = 2; }
};

TEST_F(ConnectorOrdersGetPaged, PagesOfTheConfiguredSize) {
    add_four();
    const auto fifth = add_order(simple_order("705"));
    auto first = get({{"page", "1"}});
    EXPECT_EQ(ids_of(first), (std::vector<store::Id>{ids_[0], ids_[1]}));
    EXPECT_EQ(first.at("pages"), json::value(3));
    EXPECT_EQ(ids_of(get({{"page", "2"}})), (std::vector<store::Id>{ids_[2], ids_[3]}));
    auto last = get({{"page", "3"}});
    EXPECT_EQ(ids_of(last), (std::vector<store::Id>{fifth}));
    EXPECT_EQ(last.at("pages"), json::value(3));
    EXPECT_EQ(call("OrdersGet", {{"page", "4"}}).body, "[]");
    EXPECT_EQ(ids_of(get({{"page", "abc"}})), ids_of(first));  // as every page field: 1
    // Filters apply before paging: pages counts the matching orders.
    auto paid = get({{"only_paid", "1"}});
    EXPECT_EQ(ids_of(paid), (std::vector<store::Id>{ids_[1], ids_[3]}));
    EXPECT_EQ(paid.at("pages"), json::value(1));
}

}  // namespace
}  // namespace order_test
