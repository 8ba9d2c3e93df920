// What every admin API request shares: JSON error bodies, broken bodies, size limit, unknown
// routes and methods, hostile query parameters, and the headers on every reply.
#include "AdminApiFixture.h"

namespace admin_test {
namespace {

using Errors = AdminApiTest;

const std::string kPolicy =
    R"({"unknown_products":"keep","match_by_codes":true,"default_status":1,)"
    R"("accept_updates":{"status":true,"delivery_number":true,"paid":true},"status_map":{}})";

TEST_F(Errors, BrokenBodiesAre400InvalidJsonAndChangeNothing) {
    AdminClient c = with_token();
    const std::vector<std::string> bodies = {
        "",
        "{",
        "not json",
        "[1,2]",
        "\"text\"",
        "{\"unknown_products\":\"keep\"} trailing",
        std::string("{\"unknown_products\":\"ke\xff\xfe\"}"),
        R"({"unknown_products":"keep","unknown_products":"reject"})",
        R"({"unknown_products":"\ud800"})",
        std::string(40, '[') + std::string(40, ']'),
    };
    for (const auto& body : bodies) {
        auto reply = c.put("/settings/orders", body);
        EXPECT_EQ(reply.status, 400) << body;
        EXPECT_EQ(reply.error_code(), "invalid_json") << body;
    }
    EXPECT_FALSE(db()->settings().load().orders.has_value());
}

TEST_F(Errors, AnErrorBodyHasCodeMessageAndField) {
    auto reply = with_token().put("/settings/orders", R"({"surprise":1})");
    ASSERT_EQ(reply.status, 422);
    const auto error = reply.json().at("error").as_object();
    EXPECT_EQ(error.at("code"), "invalid_field");
    EXPECT_EQ(error.at("field"), "surprise");
    EXPECT_FALSE(error.at("message").as_string().empty());
    EXPECT_NE(reply.header("Content-Type").find("application/json"), std::string::npos);
}

TEST_F(Errors, ABodyOverOneMebibyteIs413) {
    AdminClient c = with_token();
    std::string huge = R"({"unknown_products":")" + std::string(1024 * 1024, 'x') + "\"}";
    auto reply = c.put("/settings/orders", huge);
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(reply.error_code(), "payload_too_large");
    EXPECT_EQ(c.put("/settings/orders", kPolicy).status, 200) << "the next request is served";
}

TEST_F(Errors, UnknownRoutesAre404) {
    AdminClient c = with_token();
    for (const char* path : {"/nothing", "/settings/", "/settings/other", "/journal/1/x",
                             "/admin/api/v2/settings", "/admin/api/v1", "/admin/api/v1x"}) {
        auto reply = c.get(path);
        EXPECT_EQ(reply.status, 404) << path;
        EXPECT_EQ(reply.error_code(), "not_found") << path;
        EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
    }
}

TEST_F(Errors, AKnownPathWithAnotherMethodIs405WithAllow) {
    AdminClient c = with_token();
    auto health = c.del("/health");
    EXPECT_EQ(health.status, 405);
    EXPECT_EQ(health.error_code(), "method_not_allowed");
    EXPECT_EQ(health.header("Allow"), "GET");
    auto session = c.send("PATCH", "/session", "{}", {});
    EXPECT_EQ(session.status, 405);
    EXPECT_EQ(session.header("Allow"), "GET, POST, DELETE");
}

TEST_F(Errors, SqlMetacharactersInQueryParametersAreJustText) {
    AdminClient c = with_token();
    for (const char* query : {"action=%27%20OR%201%3D1%20--",
                              "outcome=ok%27%3B%20DROP%20TABLE%20"
                              "journal%3B%20--",
                              "action=%22%29%3B%20DELETE%20FROM%20admin_users%3B"}) {
        auto reply = c.get(std::string("/journal?") + query);
        EXPECT_EQ(reply.status, 200) << query;
        EXPECT_TRUE(reply.json().at("items").as_array().empty()) << query;
    }
    auto numeric = c.get("/journal?from=1%3B%20DROP%20TABLE%20journal");
    EXPECT_EQ(numeric.status, 422);
    EXPECT_EQ(numeric.error_field(), "from");
    EXPECT_EQ(c.get("/health").status, 200);
    EXPECT_EQ(client().login(kUser, kUserPassword).status, 200) << "admin_users intact";
}

TEST_F(Errors, MalformedQueryStringIs400) {
    auto reply = with_token().get("/journal?action=%G1");
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.error_code(), "invalid_query");
}

TEST_F(Errors, InvalidUtf8InAQueryParameterNamesIt) {
    auto reply = with_token().get("/journal?action=%FF%FE");
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.error_field(), "action");
}

TEST_F(Errors, EveryReplyForbidsCachingAndSniffing) {
    AdminClient c = with_token();
    for (const auto& reply :
         {c.get("/settings"), c.get("/nothing"), client().get("/settings"), c.del("/health")}) {
        EXPECT_EQ(reply.header("Cache-Control"), "no-store") << reply.status;
        EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff") << reply.status;
    }
}

}  // namespace
}  // namespace admin_test
