// app::Service over real HTTP: the router, health, and the connector's refusal envelopes.
#include <gtest/gtest.h>

#include "support/TestServer.h"

namespace {

TEST(ServerService, HealthReportsTheDatabase) {
    test::TestServer server;
    auto reply = server.get("/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(reply.body.starts_with(R"({"status":"ok","database":"ok","writes":"ok",)"))
        << reply.body;
    EXPECT_NE(reply.body.find(R"("disk_free_bytes":)"), std::string::npos) << reply.body;
}

TEST(ServerService, ConnectorAnswersOverHttpWithARequestId) {
    test::TestServer server;
    auto reply = server.call("FileVersion");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
    EXPECT_NE(reply.body.find("\"platform\":\"blconnect\""), std::string::npos) << reply.body;
    EXPECT_EQ(reply.request_id.size(), 8u);
}

TEST(ServerService, UnknownPathIs404Json) {
    test::TestServer server;
    auto reply = server.get("/admin/nothing");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.body, R"({"error":"not found"})");
}

TEST(ServerService, BodyOverTheLimitGetsTheProtocolEnvelope) {
    test::TestServer server(0, [](app::Config& c) { c.server.body_limit = 4096; });
    auto reply = server.call("FileVersion", {{"padding", std::string(10000, 'x')}});
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(
        reply.body,
        R"({"error":true,"error_code":"request_too_large","error_text":"request body larger than 4096 bytes"})");
}

TEST(ServerService, ConnectorOnAConfiguredPath) {
    test::TestServer server(0, [](app::Config& c) { c.connector_path = "/bl-connector"; });
    EXPECT_EQ(server.call("FileVersion").status, 200);
    EXPECT_EQ(
        server.post_raw("/baselinker", "action=FileVersion", "application/x-www-form-urlencoded")
            .status,
        404);
}

TEST(ServerService, DemoCatalogueIsServedAndRowsAreVisibleToASecondHandle) {
    test::TestServer server(20);
    auto reply = server.call("ProductsList");
    EXPECT_EQ(reply.status, 200);
    EXPECT_NE(reply.body.find("\"pages\":1"), std::string::npos) << reply.body;
    auto second = server.open_second_store();
    EXPECT_EQ(second->catalog().product_count(), 20);
}

}  // namespace
