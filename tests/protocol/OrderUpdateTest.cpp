// OrderUpdate over HTTP (docs/protocol.md §3.3): status (with status_map and cancellation returning
// stock exactly once), delivery_number (no duplicate shipments, latest reported), paid, the
// counter (every existing order, refused ones included, as the official PHP files count), skipped
// ids, accept_updates refusals and the journal.
#include "ConnectorOrderFixture.h"

namespace order_test {
namespace {

constexpr const char* kCancelled = "6";  // seeded "Anulowane", flagged cancelled

class ConnectorOrderUpdate : public OrderHttpTest {
  protected:
    std::string update(const std::string& ids, const std::string& type, const std::string& value,
                       Fields extra = {}) {
        extra["orders_ids"] = ids;
        extra["update_type"] = type;
        extra["update_value"] = value;
        return call("OrderUpdate", extra).body;
    }
    json::value field(store::Id id, const char* key) { return get_order(id).at(key); }
    // The journal's refused orders of the last OrderUpdate: "id: reason" each.
    std::vector<std::string> refused_orders() {
        std::vector<std::string> out;
        const auto detail = last_detail("OrderUpdate");  // outlives the loop
        for (const auto& entry : detail.at("refused_orders").as_array()) {
            out.push_back(std::string(entry.at("id").as_string()) + ": " +
                          std::string(entry.at("reason").as_string()));
        }
        return out;
    }
    using Texts = std::vector<std::string>;
};

TEST_F(ConnectorOrderUpdate, StatusIsSetAndCounted) {
    const auto a = add_order(simple_order("1"));
    const auto b = add_order(simple_order("2"));
    const auto ids = std::to_string(a) + "," + std::to_string(b);
    EXPECT_EQ(update(ids, "status", "4"), R"({"counter":2})");
    EXPECT_EQ(field(a, "status_id"), json::value("4"));
    EXPECT_EQ(field(b, "status_id"), json::value("4"));
    // Already so: still counted.
    EXPECT_EQ(update(ids, "status", "4"), R"({"counter":2})");
    const auto detail = last_detail("OrderUpdate");
    EXPECT_EQ(detail.at("type"), json::value("status"));
    EXPECT_EQ(json::serialize(detail.at("unchanged")),
              "[\"" + std::to_string(a) + "\",\"" + std::to_string(b) + "\"]");
    // History records BaseLinker as the actor.
    const auto stored = second_->orders().order_detail(a);
    ASSERT_TRUE(stored);
    ASSERT_FALSE(stored->history.empty());
    EXPECT_EQ(stored->history.back().to_status, 4);
    EXPECT_EQ(stored->history.back().actor, "baselinker");
}

// Refused values change nothing, yet the existing order is counted (BaseLinker logs no failure).
TEST_F(ConnectorOrderUpdate, UnknownOrNonNumericStatusChangesNothing) {
    const auto a = add_order(simple_order("1"));
    for (const char* value : {"999", "abc", ""}) {
        EXPECT_EQ(update(std::to_string(a), "status", value), R"({"counter":1})") << value;
        EXPECT_EQ(field(a, "status_id"), json::value("1"));
        const auto detail = last_detail("OrderUpdate");
        EXPECT_TRUE(detail.as_object().contains("refused")) << json::serialize(detail);
        EXPECT_EQ(json::serialize(detail.at("applied")), "[]");
    }
    EXPECT_EQ(last_detail("OrderUpdate").at("refused"), json::value("not a status id"));
    update(std::to_string(a), "status", "999");
    EXPECT_EQ(last_detail("OrderUpdate").at("refused"), json::value("unknown status 999"));
    EXPECT_EQ(refused_orders(), Texts{std::to_string(a) + ": unknown status 999"});
}

TEST_F(ConnectorOrderUpdate, CancellationReturnsStockOncePerTransition) {
    const auto a = add_order(simple_order("1", 3));
    const auto id = std::to_string(a);
    EXPECT_EQ(stock(simple_id_), kStartStock - 3);
    EXPECT_EQ(update(id, "status", kCancelled), R"({"counter":1})");
    EXPECT_EQ(stock(simple_id_), kStartStock);
    EXPECT_EQ(json::serialize(last_detail("OrderUpdate").at("stock_returned")), "[\"" + id + "\"]");
    EXPECT_EQ(update(id, "status", kCancelled), R"({"counter":1})");  // already: nothing moves
    EXPECT_EQ(stock(simple_id_), kStartStock);
    EXPECT_EQ(json::serialize(last_detail("OrderUpdate").at("stock_returned")), "[]");
    EXPECT_EQ(update(id, "status", "1"), R"({"counter":1})");  // back to new: taken again
    EXPECT_EQ(stock(simple_id_), kStartStock - 3);
    EXPECT_EQ(json::serialize(last_detail("OrderUpdate").at("stock_retaken")), "[\"" + id + "\"]");
    EXPECT_EQ(update(id, "status", kCancelled), R"({"counter":1})");
    EXPECT_EQ(stock(simple_id_), kStartStock);
    EXPECT_EQ(field(a, "status_id"), json::value(kCancelled));
}

TEST_F(ConnectorOrderUpdate, DeliveryNumberAddsAShipmentOnce) {
    const auto a = add_order(example_order());
    const auto id = std::to_string(a);
    const Fields carrier = {{"delivery_method_name", "InPost Paczkomaty"},
                            {"tracking_url", "https://inpost.pl/sledzenie-przesylek?number=6300"}};
    EXPECT_EQ(update(id, "delivery_number", "630011122233344455566677", carrier),
              R"({"counter":1})");
    EXPECT_EQ(field(a, "delivery_package_nr"), json::value("630011122233344455566677"));
    EXPECT_EQ(field(a, "delivery_package_module"), json::value("InPost Paczkomaty"));
    // The same number again: counted, not added twice.
    EXPECT_EQ(update(id, "delivery_number", "630011122233344455566677", carrier),
              R"({"counter":1})");
    auto stored = second_->orders().order_detail(a);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->shipments.size(), 1u);
    EXPECT_EQ(stored->shipments[0].url, "https://inpost.pl/sledzenie-przesylek?number=6300");
    // A second parcel: the latest is reported.
    EXPECT_EQ(update(id, "delivery_number", "0000DPD", {{"delivery_method_name", "DPD"}}),
              R"({"counter":1})");
    EXPECT_EQ(field(a, "delivery_package_nr"), json::value("0000DPD"));
    EXPECT_EQ(field(a, "delivery_package_module"), json::value("DPD"));
    EXPECT_EQ(second_->orders().order_detail(a)->shipments.size(), 2u);
    // No number: nothing to add (the order is counted).
    EXPECT_EQ(update(id, "delivery_number", ""), R"({"counter":1})");
    EXPECT_EQ(last_detail("OrderUpdate").at("refused"), json::value("empty tracking number"));
}

// A tracking number with control characters (a NUL from a courier module's export): stored
// without them, the journal says so; only control characters is no number at all.
TEST_F(ConnectorOrderUpdate, DeliveryNumberTextIsCleanedAndJournaled) {
    const auto a = add_order(example_order());
    const auto id = std::to_string(a);
    EXPECT_EQ(update(id, "delivery_number", std::string("6300\x01 99\0", 9)), R"({"counter":1})");
    EXPECT_EQ(field(a, "delivery_package_nr"), json::value("6300 99"));
    const auto notes = last_detail("OrderUpdate").at("normalised");
    ASSERT_EQ(notes.as_array().size(), 1u) << notes;
    EXPECT_EQ(notes.at(0), json::value("tracking number: 2 control characters removed"));
    EXPECT_EQ(update(id, "delivery_number", std::string("\x02\0", 2)), R"({"counter":1})");
    EXPECT_EQ(last_detail("OrderUpdate").at("refused"), json::value("empty tracking number"));
    EXPECT_EQ(second_->orders().order_detail(a)->shipments.size(), 1u);
}

TEST_F(ConnectorOrderUpdate, PaidZeroOneOrNothing) {
    auto fields = simple_order("1");
    fields["paid"] = "0";
    const auto a = add_order(fields);
    const auto id = std::to_string(a);
    EXPECT_EQ(update(id, "paid", "1"), R"({"counter":1})");
    EXPECT_EQ(field(a, "paid"), json::value(1));
    EXPECT_GT(field(a, "paid_time").as_int64(), 0);
    for (const char* value : {"2", "yes", "", "true"}) {
        EXPECT_EQ(update(id, "paid", value), R"({"counter":1})") << value;
        EXPECT_EQ(field(a, "paid"), json::value(1)) << value;
    }
    EXPECT_EQ(update(id, "paid", "0"), R"({"counter":1})");
    EXPECT_EQ(field(a, "paid"), json::value(0));
    EXPECT_EQ(field(a, "paid_time"), json::value(0));
}

// 1,000 orders per request at most (each is a transaction); a longer list changes nothing, and a
// list of junk keeps the journal small (100 skipped entries listed, the rest counted).
TEST_F(ConnectorOrderUpdate, OrderIdListsAreCappedAndTheJournalStaysSmall) {
    const auto a = add_order(simple_order("1"));
    std::string too_many = std::to_string(a);
    for (int i = 0; i < 1000; ++i) too_many += ",x" + std::to_string(i);
    const auto refused = update(too_many, "paid", "1");
    EXPECT_EQ(refused.find(R"("error_code":"invalid_parameter")") != std::string::npos, true)
        << refused;
    EXPECT_NE(refused.find("orders_ids: at most 1000 orders per request"), std::string::npos);
    EXPECT_EQ(field(a, "paid"), json::value(0));

    std::string junk = std::to_string(a);
    for (int i = 0; i < 999; ++i) junk += ",x" + std::to_string(i);
    EXPECT_EQ(update(junk, "paid", "1"), R"({"counter":1})");
    EXPECT_EQ(field(a, "paid"), json::value(1));
    const auto detail = last_detail("OrderUpdate");
    EXPECT_EQ(detail.at("skipped").as_array().size(), 100u);
    EXPECT_EQ(detail.at("skipped_more"), json::value(899));
}

TEST_F(ConnectorOrderUpdate, BadAndUnknownIdsAreSkippedTheRestApplies) {
    const auto a = add_order(simple_order("1"));
    const auto b = add_order(simple_order("2"));
    const auto ids = "abc," + std::to_string(a) + ",999999,, -4 ," + std::to_string(b) + ",1.5," +
                     std::to_string(a);
    EXPECT_EQ(update(ids, "status", "2"), R"({"counter":2})");
    EXPECT_EQ(field(a, "status_id"), json::value("2"));
    EXPECT_EQ(field(b, "status_id"), json::value("2"));
    const auto detail = last_detail("OrderUpdate");
    EXPECT_EQ(json::serialize(detail.at("applied")),
              "[\"" + std::to_string(a) + "\",\"" + std::to_string(b) + "\"]");
    std::vector<std::string> skipped;
    for (const auto& entry : detail.at("skipped").as_array()) {
        skipped.emplace_back(entry.at("id").as_string());
        EXPECT_FALSE(entry.at("reason").as_string().empty());
    }
    EXPECT_EQ(skipped, (std::vector<std::string>{"abc", "-4", "1.5", "999999"}));
    EXPECT_EQ(update("", "status", "2"), R"({"counter":0})");
}

TEST_F(ConnectorOrderUpdate, UnknownUpdateTypeIsInvalidParameter) {
    const auto a = add_order(simple_order("1"));
    for (const char* type : {"", "comment", "statuses"}) {
        const auto text = expect_error(
            call("OrderUpdate",
                 {{"orders_ids", std::to_string(a)}, {"update_type", type}, {"update_value", "2"}}),
            "invalid_parameter");
        EXPECT_TRUE(text.starts_with("update_type: ")) << text;
    }
    EXPECT_EQ(field(a, "status_id"), json::value("1"));
}

TEST_F(ConnectorOrderUpdate, JournalNeverHoldsThePassword) {
    const auto a = add_order(simple_order("1"));
    update(std::to_string(a), "status", "2");
    update(std::to_string(a), "delivery_number", server_->password());  // even when sent as data
    for (const auto& entry : journal("OrderUpdate")) {
        EXPECT_EQ(entry.detail.find(server_->password()), std::string::npos) << entry.detail;
    }
}

class ConnectorOrderUpdateConfigured : public ConnectorOrderUpdate {
  protected:
    void configure(app::Config& config) override {
        auto& orders = config.endpoint.connector.orders;
        orders.accept_status = true;
        orders.accept_delivery_number = true;
        orders.accept_paid = false;
        orders.status_map = {{"BL-SENT", 4}, {"7001", 6}};  // targets must exist (checked at start)
    }
};

TEST_F(ConnectorOrderUpdateConfigured, RefusedTypeChangesNothing) {
    auto fields = simple_order("1");
    fields["paid"] = "0";
    const auto a = add_order(fields);
    // Counted as the official PHP files count it, changed nothing, journaled per order.
    EXPECT_EQ(update(std::to_string(a), "paid", "1"), R"({"counter":1})");
    EXPECT_EQ(field(a, "paid"), json::value(0));
    const auto detail = last_detail("OrderUpdate");
    EXPECT_EQ(detail.at("type"), json::value("paid"));
    EXPECT_EQ(detail.at("refused"), json::value("refused by configuration (accept_updates)"));
    EXPECT_EQ(json::serialize(detail.at("applied")), "[]");
    EXPECT_EQ(refused_orders(),
              Texts{std::to_string(a) + ": refused by configuration (accept_updates)"});
    EXPECT_EQ(update(std::to_string(a), "delivery_number", "X1"), R"({"counter":1})");
    EXPECT_EQ(refused_orders(), Texts{});
}

// Only malformed and unknown ids are left out of the counter, refused type or not.
TEST_F(ConnectorOrderUpdateConfigured, RefusedTypeCountsOnlyExistingOrders) {
    const auto a = add_order(simple_order("1"));
    const auto b = add_order(simple_order("2"));
    const auto ids =
        "abc," + std::to_string(a) + ",999999," + std::to_string(b) + ",1.5," + std::to_string(a);
    EXPECT_EQ(update(ids, "paid", "1"), R"({"counter":2})");
    const auto reason = ": refused by configuration (accept_updates)";
    EXPECT_EQ(refused_orders(), (Texts{std::to_string(a) + reason, std::to_string(b) + reason}));
    std::vector<std::string> skipped;
    const auto detail = last_detail("OrderUpdate");
    for (const auto& entry : detail.at("skipped").as_array())
        skipped.emplace_back(entry.at("id").as_string());
    EXPECT_EQ(skipped, (Texts{"abc", "1.5", "999999"}));
    EXPECT_EQ(update("999999", "paid", "1"), R"({"counter":0})");
    EXPECT_EQ(update("", "paid", "1"), R"({"counter":0})");
}

TEST_F(ConnectorOrderUpdateConfigured, StatusMapTranslatesBaseLinkerStatuses) {
    const auto a = add_order(simple_order("1", 2));
    const auto id = std::to_string(a);
    EXPECT_EQ(update(id, "status", "BL-SENT"), R"({"counter":1})");
    EXPECT_EQ(field(a, "status_id"), json::value("4"));
    EXPECT_EQ(last_detail("OrderUpdate").at("status_id"), json::value("4"));
    EXPECT_EQ(update(id, "status", "7001"), R"({"counter":1})");  // -> 6, cancelled
    EXPECT_EQ(field(a, "status_id"), json::value("6"));
    EXPECT_EQ(stock(simple_id_), kStartStock);
    // Not mapped and not a status of the shop: nothing changes (the order is counted).
    EXPECT_EQ(update(id, "status", "7002"), R"({"counter":1})");
    EXPECT_EQ(field(a, "status_id"), json::value("6"));
    // Unmapped values pass through.
    EXPECT_EQ(update(id, "status", "2"), R"({"counter":1})");
    EXPECT_EQ(field(a, "status_id"), json::value("2"));
}

class ConnectorOrderUpdateNothingAccepted : public ConnectorOrderUpdate {
  protected:
    void configure(app::Config& config) override {
        auto& orders = config.endpoint.connector.orders;
        orders.accept_status = orders.accept_delivery_number = orders.accept_paid = false;
    }
};

TEST_F(ConnectorOrderUpdateNothingAccepted, EveryTypeIsRefused) {
    const auto a = add_order(simple_order("1", 2));
    const auto id = std::to_string(a);
    EXPECT_EQ(update(id, "status", kCancelled), R"({"counter":1})");
    EXPECT_EQ(update(id, "delivery_number", "X1"), R"({"counter":1})");
    EXPECT_EQ(update(id, "paid", "1"), R"({"counter":1})");
    const auto order = get_order(a);
    EXPECT_EQ(order.at("status_id"), json::value("1"));
    EXPECT_EQ(order.at("delivery_package_nr"), json::value(""));
    EXPECT_EQ(stock(simple_id_), kStartStock - 2);
    for (const auto& entry : journal("OrderUpdate")) {
        EXPECT_NE(entry.detail.find("refused by configuration"), std::string::npos) << entry.detail;
    }
}

}  // namespace
}  // namespace order_test
