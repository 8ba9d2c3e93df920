// The connector over real HTTP (app::Service on loopback): status codes, content type, the
// envelope on transport refusals, and the journal of a running service.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "journal/Writer.h"
#include "support/TestServer.h"

namespace {

namespace json = boost::json;
using test::TestServer;

void expect_envelope(const test::HttpReply& reply, int status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
    EXPECT_TRUE(
        reply.body.starts_with("{\"error\":true,\"error_code\":\"" + code + "\",\"error_text\":\""))
        << reply.body;
    auto value = json::parse(reply.body);
    EXPECT_EQ(value.as_object().size(), 3u);
}

TEST(ConnectorWire, BrowserGetIsNoPassword) {
    TestServer server;
    expect_envelope(server.get("/baselinker"), 200, "no_password");
}

TEST(ConnectorWire, NonPostWithAValidPasswordIsStillNoPassword) {
    TestServer server;
    auto body = test::encode_form({{"bl_pass", TestServer::kPassword}, {"action", "FileVersion"}});
    expect_envelope(server.put_raw("/baselinker", body, "application/x-www-form-urlencoded"), 200,
                    "no_password");
}

TEST(ConnectorWire, FileVersionOverHttp) {
    TestServer server;
    auto reply = server.call("FileVersion");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(json::parse(reply.body).at("standard"), json::value(4));
    EXPECT_NE(reply.body.find(R"("standard":4)"), std::string::npos);
}

TEST(ConnectorWire, WrongPasswordAndMissingPassword) {
    TestServer server;
    expect_envelope(server.post_form({{"bl_pass", "not-the-password"}, {"action", "FileVersion"}}),
                    200, "incorrect_password");
    expect_envelope(server.post_form({{"action", "FileVersion"}}), 200, "no_password");
}

TEST(ConnectorWire, OversizedBodyIs413WithEnvelope) {
    TestServer server(0, [](app::Config& c) { c.server.body_limit = 4096; });
    const std::string big(10000, 'x');
    auto reply = server.post_form(
        {{"bl_pass", server.password()}, {"action", "FileVersion"}, {"padding", big}});
    expect_envelope(reply, 413, "request_too_large");
}

TEST(ConnectorWire, ClientOutsideAllowListIs403) {
    TestServer server(0, [](app::Config& c) { c.endpoint.allow_ips = {"10.0.0.0/8"}; });
    expect_envelope(server.call("FileVersion"), 403, "forbidden");
}

TEST(ConnectorWire, LoopbackInsideAllowListIsServed) {
    TestServer server(0, [](app::Config& c) { c.endpoint.allow_ips = {"127.0.0.0/8", "::1"}; });
    EXPECT_EQ(server.call("FileVersion").status, 200);
}

TEST(ConnectorWire, ThrottledAddressGets429) {
    TestServer server(0, [](app::Config& c) {
        c.endpoint.throttle_failures = 2;
        c.endpoint.throttle_window_s = 3600;
    });
    for (int i = 0; i < 2; ++i) {
        expect_envelope(server.post_form(
                            {{"bl_pass", "guess-" + std::to_string(i)}, {"action", "FileVersion"}}),
                        200, "incorrect_password");
    }
    // The address is throttled for further guesses; the right password still gets through.
    expect_envelope(server.post_form({{"bl_pass", "guess-2"}, {"action", "FileVersion"}}), 429,
                    "rate_limited");
    EXPECT_EQ(server.call("FileVersion").status, 200);
}

TEST(ConnectorWire, DemoShopAnswersEveryListedMethod) {
    TestServer server(60);
    auto methods = json::parse(server.call("SupportedMethods").body);
    for (const auto& name : methods.as_array()) {
        // One set of fields every action accepts (OrderAdd needs BaseLinker's id and a line,
        // OrderUpdate a type).
        auto reply = server.call(std::string(name.as_string()),
                                 {{"products_id", "1,2,3"},
                                  {"baselinker_id", "1"},
                                  {"products", R"([{"name":"x","price":"1.00","quantity":"1"}])"},
                                  {"update_type", "paid"},
                                  {"update_value", "1"}});
        EXPECT_EQ(reply.status, 200) << name;
        auto value = json::parse(reply.body);
        EXPECT_FALSE(value.is_object() && value.as_object().contains("error")) << reply.body;
    }
    auto list = json::parse(server.call("ProductsList", {{"filter_limit", "25"}}).body);
    EXPECT_EQ(list.at("pages"), json::value(3));
    EXPECT_EQ(list.as_object().size(), 26u);
}

TEST(ConnectorWire, JournalHasTheRequestUnderItsRequestId) {
    TestServer server(5);
    auto reply = server.call("ProductsQuantity");
    ASSERT_EQ(reply.status, 200);
    server.service().journal().flush();
    store::JournalQuery query;
    auto entries = server.service().store().journal().query(query);
    ASSERT_FALSE(entries.empty());
    const auto& entry = entries.front();
    EXPECT_EQ(entry.action, "ProductsQuantity");
    EXPECT_EQ(entry.outcome, "ok");
    EXPECT_EQ(entry.client, "127.0.0.1");
    EXPECT_EQ(entry.response_bytes, static_cast<std::int64_t>(reply.body.size()));
    if (!reply.request_id.empty()) {
        EXPECT_EQ(entry.request_id, reply.request_id);
    }
}

}  // namespace
