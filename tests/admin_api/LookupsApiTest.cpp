// /order-statuses, /delivery-methods, /payment-methods over HTTP: the lists, creating and
// changing rows (what BaseLinker's StatusesList / DeliveryMethodsList / PaymentMethodsList then
// report, and what orders can use), and bad names that get the documented error and change
// nothing.
#include <tuple>

#include "AdminApiFixture.h"

namespace admin_test {
namespace {

namespace json = boost::json;

class LookupsApi : public AdminApiTest {
  protected:
    void SetUp() override {
        AdminApiTest::SetUp();
        api_ = std::make_unique<AdminClient>(with_token());
    }
    AdminClient& api() { return *api_; }

    store::Id create(const std::string& resource, const std::string& body) {
        auto reply = api().post(resource, body);
        EXPECT_EQ(reply.status, 201) << resource << " " << body << ": " << reply.body;
        if (reply.status != 201) return 0;
        EXPECT_EQ(reply.json().as_object().size(), 1u) << reply.body;
        return reply.json().at("id").as_int64();
    }
    // The row of `id` in the list of `resource` (null when absent).
    json::value row(const std::string& resource, store::Id id) {
        const auto list = api().get(resource).json();
        for (const auto& item : list.at("items").as_array()) {
            if (item.at("id").as_int64() == id) return item;
        }
        return nullptr;
    }
    // What BaseLinker's list action reports for `id` ("" when absent).
    std::string connector_name(const std::string& action, store::Id id) {
        auto reply = server_->call(action);
        EXPECT_EQ(reply.status, 200) << reply.body;
        const auto value = json::parse(reply.body);
        if (!value.is_object()) return "";
        const auto* name = value.as_object().if_contains(std::to_string(id));
        return name == nullptr ? "" : std::string(name->as_string());
    }

    std::unique_ptr<AdminClient> api_;
};

TEST_F(LookupsApi, ListsAreTheShopsTablesInIdOrder) {
    EXPECT_EQ(json::serialize(api().get("/order-statuses").json().at("items").at(5)),
              R"({"id":6,"name":"Anulowane","cancelled":true})");
    const auto statuses = api().get("/order-statuses").json().at("items").as_array();
    EXPECT_EQ(statuses.size(), db()->lookups().order_statuses().size());
    EXPECT_EQ(json::serialize(statuses.at(0)), R"({"id":1,"name":"Nowe","cancelled":false})");
    const auto delivery = api().get("/delivery-methods").json().at("items").as_array();
    EXPECT_EQ(delivery.size(), db()->lookups().delivery_methods().size());
    EXPECT_EQ(json::serialize(delivery.at(0)), R"({"id":1,"name":"InPost Paczkomaty 24/7"})");
    const auto payment = api().get("/payment-methods").json().at("items").as_array();
    EXPECT_EQ(payment.size(), db()->lookups().payment_methods().size());
    EXPECT_EQ(json::serialize(payment.at(4)), R"({"id":5,"name":"Za pobraniem","cod":true})");
}

TEST_F(LookupsApi, ANewStatusIsTrimmedListedAndOfferedToBaseLinker) {
    const auto id = create("/order-statuses", R"({"name":"  Reklamacja  ","cancelled":false})");
    EXPECT_EQ(json::serialize(row("/order-statuses", id)),
              R"({"id":)" + std::to_string(id) + R"(,"name":"Reklamacja","cancelled":false})");
    EXPECT_EQ(connector_name("StatusesList", id), "Reklamacja");
}

TEST_F(LookupsApi, ANewStatusCanBeGivenToAnOrder) {
    const auto id = create("/order-statuses", R"({"name":"Odrzucone","cancelled":true})");
    auto order = api().post("/orders", R"({"lines":[{"name":"Wolna","price":"1","quantity":1}]})");
    ASSERT_EQ(order.status, 201) << order.body;
    const auto order_id = std::to_string(order.json().at("id").as_int64());
    auto reply =
        api().put("/orders/" + order_id + "/status", R"({"status_id":)" + std::to_string(id) + "}");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("result"), "applied");
}

TEST_F(LookupsApi, PutRenamesAndAMissingFlagKeepsTheCurrentOne) {
    auto reply = api().put("/order-statuses/6", R"({"name":"Anulowane przez klienta"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"id":6})");
    EXPECT_EQ(json::serialize(row("/order-statuses", 6)),
              R"({"id":6,"name":"Anulowane przez klienta","cancelled":true})");
    EXPECT_EQ(connector_name("StatusesList", 6), "Anulowane przez klienta");
    ASSERT_EQ(api().put("/order-statuses/6", R"({"name":"Anulowane","cancelled":false})").status,
              200);
    EXPECT_EQ(row("/order-statuses", 6).at("cancelled"), json::value(false));
}

TEST_F(LookupsApi, DeliveryMethodsAreCreatedAndRenamed) {
    const auto id = create("/delivery-methods", R"({"name":"Kurier GLS"})");
    EXPECT_EQ(json::serialize(row("/delivery-methods", id)),
              R"({"id":)" + std::to_string(id) + R"(,"name":"Kurier GLS"})");
    EXPECT_EQ(connector_name("DeliveryMethodsList", id), "Kurier GLS");
    ASSERT_EQ(api().put("/delivery-methods/" + std::to_string(id), R"({"name":"GLS"})").status,
              200);
    EXPECT_EQ(connector_name("DeliveryMethodsList", id), "GLS");
}

TEST_F(LookupsApi, PaymentMethodsCarryTheCashOnDeliveryFlag) {
    const auto id = create("/payment-methods", R"({"name":"Pobranie GLS","cod":true})");
    EXPECT_EQ(json::serialize(row("/payment-methods", id)),
              R"({"id":)" + std::to_string(id) + R"(,"name":"Pobranie GLS","cod":true})");
    EXPECT_EQ(connector_name("PaymentMethodsList", id), "Pobranie GLS");
    const auto plain = create("/payment-methods", R"({"name":"Google Pay"})");
    EXPECT_EQ(row("/payment-methods", plain).at("cod"), json::value(false));
    ASSERT_EQ(api().put("/payment-methods/" + std::to_string(plain), R"({"name":"GPay"})").status,
              200);
    EXPECT_EQ(row("/payment-methods", plain).at("cod"), json::value(false));
    // A storefront order naming the method takes its name and flag.
    auto order = api().post("/orders", R"({"payment_method":{"id":)" + std::to_string(id) +
                                           R"(},"lines":[{"name":"a","price":"1","quantity":1}]})");
    ASSERT_EQ(order.status, 201) << order.body;
    const auto detail =
        api().get("/orders/" + std::to_string(order.json().at("id").as_int64())).json();
    EXPECT_EQ(json::serialize(detail.at("payment_method")),
              R"({"id":)" + std::to_string(id) + R"(,"name":"Pobranie GLS","cod":true})");
}

TEST_F(LookupsApi, NamesOfOneHundredCharactersAreAccepted) {
    std::string name;
    for (int i = 0; i < 100; ++i) name += "ż";  // 100 characters, 200 bytes
    const auto id = create("/delivery-methods", R"({"name":")" + name + "\"}");
    EXPECT_EQ(row("/delivery-methods", id).at("name"), json::value(name));
}

TEST_F(LookupsApi, BadBodiesGetTheDocumentedErrorAndChangeNothing) {
    const auto before_statuses = api().get("/order-statuses").body;
    const auto before_delivery = api().get("/delivery-methods").body;
    const auto before_payment = api().get("/payment-methods").body;
    std::string too_long;
    for (int i = 0; i < 101; ++i) too_long += "ż";
    const std::vector<std::tuple<std::string, std::string, std::string, int, std::string>> cases = {
        {"POST", "/order-statuses", R"({"name":""})", 422, "name"},
        {"POST", "/order-statuses", R"({"name":"   "})", 422, "name"},
        {"POST", "/order-statuses", R"({"name":")" + too_long + "\"}", 422, "name"},
        {"POST", "/order-statuses", R"({"name":7})", 422, "name"},
        {"POST", "/order-statuses", R"({})", 422, "name"},
        {"POST", "/order-statuses", R"({"name":"X","cancelled":"yes"})", 422, "cancelled"},
        {"POST", "/order-statuses", R"({"name":"X","cod":true})", 422, "cod"},
        {"POST", "/order-statuses", R"({"name":"X","name":"Y"})", 400, "name"},
        {"POST", "/order-statuses", std::string("{\"name\":\"\xED\xA0\x80\"}"), 400, ""},
        {"POST", "/order-statuses", "{\"name\":", 400, ""},
        {"POST", "/delivery-methods", R"({"name":"X","cod":false})", 422, "cod"},
        {"POST", "/delivery-methods", R"({"name":"\"; DROP TABLE orders; --)" + too_long + "\"}",
         422, "name"},
        {"POST", "/payment-methods", R"({"name":"X","cod":1})", 422, "cod"},
        {"POST", "/payment-methods", R"({"name":"X","cancelled":true})", 422, "cancelled"},
        {"PUT", "/order-statuses/999", R"({"name":"X"})", 404, ""},
        {"PUT", "/delivery-methods/999", R"({"name":"X"})", 404, ""},
        {"PUT", "/payment-methods/999", R"({"name":"X"})", 404, ""},
        {"PUT", "/order-statuses/1", R"({"name":" "})", 422, "name"},
        {"PUT", "/payment-methods/5", R"({"name":"Pobranie","cod":"no"})", 422, "cod"},
    };
    for (const auto& [method, where, body, status, field] : cases) {
        auto reply = api().send(method, where, body, {});
        EXPECT_EQ(reply.status, status)
            << method << " " << where << " " << body << ": " << reply.body;
        EXPECT_EQ(reply.error_field(), field) << method << " " << where << " " << body;
    }
    EXPECT_EQ(api().get("/order-statuses").body, before_statuses);
    EXPECT_EQ(api().get("/delivery-methods").body, before_delivery);
    EXPECT_EQ(api().get("/payment-methods").body, before_payment);
}

TEST_F(LookupsApi, SqlMetacharactersInANameAreStoredAsText) {
    const std::string name = R"('); DELETE FROM order_statuses; --)";
    const auto id = create("/order-statuses", R"({"name":")" + name + "\"}");
    EXPECT_EQ(row("/order-statuses", id).at("name"), json::value(name));
    // The 7 seeded statuses, the order inbox's "Wymaga uwagi" and the new one.
    EXPECT_EQ(api().get("/order-statuses").json().at("items").as_array().size(), 9u);
}

}  // namespace
}  // namespace admin_test
