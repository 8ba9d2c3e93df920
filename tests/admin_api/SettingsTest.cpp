// /settings: the effective order policy and where it comes from, changing it (validated in full,
// nothing half-saved), going back to the config file, and rotating the connector password.
#include <cctype>

#include "AdminApiFixture.h"
#include "admin/Token.h"

namespace admin_test {
namespace {

namespace json = boost::json;

using Settings = AdminApiTest;

json::object valid_policy() {
    return json::parse(R"({"unknown_products":"reject","match_by_codes":false,"default_status":2,
        "accept_updates":{"status":true,"delivery_number":false,"paid":true},
        "status_map":{"shipped":4,"Wysłane":3}})")
        .as_object();
}

std::string with(json::object policy, const std::string& key, json::value value) {
    policy[key] = std::move(value);
    return json::serialize(policy);
}

std::string without(json::object policy, const std::string& key) {
    policy.erase(key);
    return json::serialize(policy);
}

bool connector_accepts(test::TestServer& server, const std::string& password) {
    auto reply = server.post_form({{"bl_pass", password}, {"action", "FileVersion"}});
    return reply.status == 200 && reply.body.find("\"error\"") == std::string::npos;
}

TEST_F(Settings, ShowsTheConfigFilesPolicyAtFirst) {
    auto reply = with_token().get("/settings");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json(), json::parse(R"({"orders":{"unknown_products":"hold",
        "match_by_codes":true,"default_status":1,
        "accept_updates":{"status":true,"delivery_number":true,"paid":true},"status_map":{}},
        "source":"config","connector":{"path":"/baselinker","password_source":"config"}})"));
}

// The order inbox's policy: an unknown product holds the order for staff (the default).
TEST_F(Settings, HoldIsAnUnknownProductsPolicyStaffCanChoose) {
    AdminClient c = signed_in();
    auto reply = c.put("/settings/orders", with(valid_policy(), "unknown_products", "hold"));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("orders").at("unknown_products"), "hold");
    EXPECT_EQ(c.get("/settings").json().at("orders").at("unknown_products"), "hold");
    EXPECT_EQ(db()->settings().load().orders->unknown_products, store::UnknownProducts::Hold);
    reply = c.put("/settings/orders", with(valid_policy(), "unknown_products", "park"));
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(reply.error_field(), "unknown_products");
}

TEST_F(Settings, PutSavesTheWholePolicyAndTheDatabaseWins) {
    AdminClient c = signed_in();
    auto reply = c.put("/settings/orders", json::serialize(valid_policy()));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("orders"), valid_policy());
    EXPECT_EQ(reply.json().at("source"), "database");
    EXPECT_EQ(c.get("/settings").json(), reply.json());
    auto stored = db()->settings().load().orders;
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->unknown_products, store::UnknownProducts::Reject);
    EXPECT_EQ(stored->default_status, 2);
    EXPECT_FALSE(stored->accept_delivery_number);
    EXPECT_EQ(stored->status_map.at("Wysłane"), 3);
}

struct BadPolicy {
    std::string body;
    std::string field;
};

TEST_F(Settings, ABadPolicyNamesTheFieldAndChangesNothing) {
    const auto p = valid_policy();
    auto map_to = [&](json::value key_value) {
        json::object map;
        map[std::string(key_value.as_string())] = 4;
        return with(p, "status_map", map);
    };
    const std::vector<BadPolicy> cases = {
        {with(p, "default_status", 999), "default_status"},
        {with(p, "default_status", "1"), "default_status"},
        {with(p, "status_map", json::object{{"shipped", 999}}), "status_map.shipped"},
        {with(p, "status_map", json::object{{"shipped", "4"}}), "status_map.shipped"},
        {with(p, "status_map", json::array{}), "status_map"},
        {map_to(""), "status_map."},
        {map_to(json::string(std::string(101, 'x'))), "status_map." + std::string(101, 'x')},
        {with(p, "unknown_products", "maybe"), "unknown_products"},
        {with(p, "match_by_codes", 1), "match_by_codes"},
        {with(p, "extra", true), "extra"},
        {without(p, "accept_updates"), "accept_updates"},
        {without(p, "default_status"), "default_status"},
        {with(p, "accept_updates", json::object{{"status", true}, {"paid", true}}),
         "accept_updates.delivery_number"},
        {with(p, "accept_updates",
              json::object{{"status", true}, {"delivery_number", true}, {"paid", "yes"}}),
         "accept_updates.paid"},
        {with(p, "accept_updates",
              json::object{
                  {"status", true}, {"delivery_number", true}, {"paid", true}, {"comment", true}}),
         "accept_updates.comment"},
    };
    AdminClient c = with_token();
    for (const auto& bad : cases) {
        auto reply = c.put("/settings/orders", bad.body);
        EXPECT_EQ(reply.status, 422) << bad.body;
        EXPECT_EQ(reply.error_code(), "invalid_field") << bad.body;
        EXPECT_EQ(reply.error_field(), bad.field) << bad.body;
    }
    EXPECT_FALSE(db()->settings().load().orders.has_value());
    EXPECT_EQ(c.get("/settings").json().at("source"), "config");
}

TEST_F(Settings, A100CharacterStatusNameIsAccepted) {
    auto p = valid_policy();
    p["status_map"] = json::object{{std::string(100, 'x'), 4}};
    EXPECT_EQ(with_token().put("/settings/orders", json::serialize(p)).status, 200);
}

TEST_F(Settings, DeleteGoesBackToTheConfigFile) {
    AdminClient c = with_token();
    ASSERT_EQ(c.put("/settings/orders", json::serialize(valid_policy())).status, 200);
    auto reply = c.del("/settings/orders");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("source"), "config");
    EXPECT_EQ(reply.json().at("orders").at("unknown_products"), "hold");
    EXPECT_FALSE(db()->settings().load().orders.has_value());
}

TEST_F(Settings, RotatedPasswordIsShownOnceAndOnlyItsHashIsStored) {
    AdminClient c = with_token();
    auto reply = c.post("/settings/connector-password", "");
    ASSERT_EQ(reply.status, 200) << reply.body;
    std::string password(reply.json().at("password").as_string());
    ASSERT_EQ(password.size(), 32u);
    for (char ch : password) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(ch))) << ch;
    EXPECT_EQ(db()->settings().load().connector_password_sha256, admin::token_hash(password));
    auto settings = c.get("/settings");
    EXPECT_EQ(settings.json().at("connector").at("password_source"), "database");
    EXPECT_EQ(settings.body.find(password), std::string::npos);
}

TEST_F(Settings, AfterRotationOnlyTheNewPasswordOpensTheConnector) {
    ASSERT_TRUE(connector_accepts(*server_, server_->password()));
    AdminClient c = with_token();
    std::string first(c.post("/settings/connector-password", "").json().at("password").as_string());
    EXPECT_FALSE(connector_accepts(*server_, server_->password()));
    EXPECT_TRUE(connector_accepts(*server_, first));
    std::string second(
        c.post("/settings/connector-password", "").json().at("password").as_string());
    EXPECT_NE(first, second);
    EXPECT_FALSE(connector_accepts(*server_, first));
    EXPECT_TRUE(connector_accepts(*server_, second));
}

TEST_F(Settings, WrongMethodsAre405WithAllow) {
    AdminClient c = with_token();
    auto reply = c.post("/settings/orders", json::serialize(valid_policy()));
    EXPECT_EQ(reply.status, 405);
    EXPECT_EQ(reply.error_code(), "method_not_allowed");
    EXPECT_EQ(reply.header("Allow"), "PUT, DELETE");
    EXPECT_EQ(c.get("/settings/connector-password").header("Allow"), "POST");
}

}  // namespace
}  // namespace admin_test
