// What every handled request gets from the transport: request id, client address, keep-alive,
// the handler deadline, errors of the handler.
#include <httplib.h>

#include <future>
#include <mutex>
#include <regex>

#include "ServerFixture.h"

namespace server_test {
namespace {

TEST(ServerExchange, EveryResponseCarriesItsOwnRequestId) {
    ServerUnderTest s;
    std::mutex mutex;
    std::vector<std::string> seen;
    s.start([&](const core::WebRequest& request) {
        std::lock_guard lock(mutex);
        seen.push_back(request.request_id);
        return hello(request);
    });
    httplib::Client client("127.0.0.1", s.port());
    auto a = client.Get("/a");
    auto b = client.Get("/b");
    ASSERT_TRUE(a && b);
    std::string id_a = a->get_header_value("X-Request-Id");
    std::string id_b = b->get_header_value("X-Request-Id");
    EXPECT_TRUE(std::regex_match(id_a, std::regex("[0-9a-f]{8}"))) << id_a;
    EXPECT_NE(id_a, id_b);
    EXPECT_EQ(seen, (std::vector<std::string>{id_a, id_b}));  // the handler saw the same ids
}

TEST(ServerExchange, HandlerSeesMethodPathQueryHeadersAndClientAddress) {
    ServerUnderTest s;
    core::WebRequest seen;
    s.start([&](const core::WebRequest& request) {
        seen = request;
        return hello(request);
    });
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Post("/baselinker?x=1", {{"X-Test", "yes"}}, "a=b",
                              "application/x-www-form-urlencoded");
    ASSERT_TRUE(result);
    EXPECT_EQ(seen.method, "POST");
    EXPECT_EQ(seen.path, "/baselinker");
    EXPECT_EQ(seen.query, "x=1");
    EXPECT_EQ(seen.body, "a=b");
    EXPECT_EQ(seen.content_type, "application/x-www-form-urlencoded");
    EXPECT_EQ(seen.client_ip, "127.0.0.1");
    bool header_found = false;
    for (auto& [name, value] : seen.headers) header_found |= name == "x-test" && value == "yes";
    EXPECT_TRUE(header_found);
}

TEST(ServerExchange, KeepAliveServesTwoRequestsOnOneConnection) {
    ServerUnderTest s;
    s.start(hello);
    RawClient raw(s.port());
    raw.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
    auto one = raw.read_response();
    raw.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n");
    auto two = raw.read_response();
    EXPECT_EQ(one.status, 200);
    EXPECT_EQ(one.body, "hello /one");
    EXPECT_EQ(two.status, 200);
    EXPECT_EQ(two.body, "hello /two");
}

TEST(ServerExchange, ConnectionCloseIsHonoured) {
    ServerUnderTest s;
    s.start(hello);
    RawClient raw(s.port());
    raw.send("GET /one HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(raw.read_response().body, "hello /one");
    EXPECT_TRUE(raw.wait_closed_silently());
}

TEST(ServerExchange, HandlerOverItsDeadlineGives503AndItsLateResultIsDropped) {
    ServerUnderTest s;
    s.settings.handler_timeout = std::chrono::milliseconds(200);
    std::promise<void> release;
    auto released = release.get_future().share();
    s.start([released](const core::WebRequest& request) {
        released.wait_for(std::chrono::seconds(30));  // safety net only
        return hello(request);
    });
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Get("/slow");
    release.set_value();
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 503);
    EXPECT_EQ(result->body, R"({"refused":503,"reason":"server busy","path":"/slow"})");
}

TEST(ServerExchange, HandlerExceptionGives500WithoutItsMessage) {
    ServerUnderTest s;
    s.start([](const core::WebRequest&) -> core::WebResponse {
        throw std::runtime_error("secret detail");
    });
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Get("/boom");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 500);
    EXPECT_EQ(result->body.find("secret"), std::string::npos);
}

TEST(ServerExchange, ResponseHeadersAndStatusFromTheHandlerAreSent) {
    ServerUnderTest s;
    s.start([](const core::WebRequest&) {
        core::WebResponse response;
        response.status = 404;
        response.body = "{}";
        response.headers.emplace_back("X-Extra", "1");
        return response;
    });
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Get("/nothing");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(result->get_header_value("X-Extra"), "1");
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

}  // namespace
}  // namespace server_test

namespace server_test {
namespace {

// PHP's curl sends this for bodies over 1 KB and waits for the go-ahead.
TEST(ServerExchange, ExpectContinueGetsTheGoAheadBeforeTheBody) {
    ServerUnderTest s;
    s.start([](const core::WebRequest& request) {
        core::WebResponse response;
        response.body = request.body;
        return response;
    });
    RawClient raw(s.port());
    raw.send(
        "POST /baselinker HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
        "Content-Length: 5\r\n\r\n");
    EXPECT_EQ(raw.read_response().status, 100);
    raw.send("hello");
    auto response = raw.read_response();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
}

TEST(ServerExchange, ExpectContinueOverTheLimitIsRefusedWithoutTheBody) {
    ServerUnderTest s;
    s.settings.body_limit = 1024;
    s.start(hello);
    RawClient raw(s.port());
    raw.send(
        "POST /baselinker HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
        "Content-Length: 5000\r\n\r\n");
    EXPECT_EQ(raw.read_response().status, 413);
}

}  // namespace
}  // namespace server_test
