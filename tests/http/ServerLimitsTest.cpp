// The transport's own refusals: sizes, malformed requests, slow clients, the connection cap.
#include <httplib.h>
#include <memory>
#include <vector>

#include "ServerFixture.h"

namespace server_test {
namespace {

TEST(ServerLimits, BodyOverTheLimitIsAnswered413WithTheRefusalBody) {
    ServerUnderTest s;
    s.settings.body_limit = 1024;
    s.start(hello);
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Post("/baselinker", std::string(1 << 20, 'x'), "text/plain");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 413);
    EXPECT_EQ(result->body,
              R"({"refused":413,"reason":"request body too large","path":"/baselinker"})");
    EXPECT_EQ(result->get_header_value("Connection"), "close");
}

TEST(ServerLimits, BodyWithinTheLimitReachesTheHandler) {
    ServerUnderTest s;
    s.settings.body_limit = 1024;
    s.start([](const core::WebRequest& request) {
        core::WebResponse response;
        response.body = std::to_string(request.body.size()) + " " + request.content_type;
        return response;
    });
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Post("/x", std::string(1024, 'x'), "text/plain");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "1024 text/plain");
}

TEST(ServerLimits, HeaderFloodIsAnswered431) {
    ServerUnderTest s;
    s.settings.header_limit = 4096;
    s.start(hello);
    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Get("/x", {{"X-Flood", std::string(64 * 1024, 'a')}});
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 431);
    EXPECT_NE(result->body.find("\"refused\":431"), std::string::npos);
}

TEST(ServerLimits, MalformedRequestIsAnswered400AndClosed) {
    ServerUnderTest s;
    s.start(hello);
    RawClient raw(s.port());
    raw.send("THIS IS NOT HTTP\r\n\r\n");
    auto response = raw.read_response();
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(raw.wait_closed_silently());
}

TEST(ServerLimits, StalledClientDoesNotDelayAnotherClient) {
    ServerUnderTest s;
    s.settings.io_threads = 1;  // one I/O thread: a blocking read would starve everybody
    s.start(hello);
    RawClient slow(s.port());
    slow.send("POST /baselinker HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nbl_pass=");

    httplib::Client client("127.0.0.1", s.port());
    auto result = client.Get("/other");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "hello /other");
    EXPECT_TRUE(slow.still_waiting());  // the slow one is still open, unanswered
}

TEST(ServerLimits, StalledClientIsDroppedAtTheReadDeadline) {
    ServerUnderTest s;
    s.settings.read_timeout = std::chrono::milliseconds(300);
    s.start(hello);
    RawClient slow(s.port());
    slow.send("POST /baselinker HTTP/1.1\r\nHost: x\r\nContent-Len");
    EXPECT_TRUE(slow.wait_closed_silently());
}

TEST(ServerLimits, ConnectionsOverTheCapAreAnswered503) {
    ServerUnderTest s;
    s.settings.max_connections = 1;
    s.start(hello);
    RawClient first(s.port());
    first.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(first.read_response().status, 200);  // now open and kept alive

    httplib::Client client("127.0.0.1", s.port());
    auto refused = client.Get("/second");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 503);
    EXPECT_EQ(refused->body, R"({"refused":503,"reason":"too many connections","path":"/second"})");

    first.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(first.read_response().body, "hello /again");  // the admitted one is unaffected
}

// One address hoarding sockets (kept-alive or idle) cannot starve the others: its own new
// connections are refused with a clear reason, another address is served.
TEST(ServerLimits, OneAddressCannotTakeEveryConnection) {
    ServerUnderTest s;
    s.settings.max_connections = 10;
    s.settings.max_connections_per_address = 3;
    s.start(hello);
    std::vector<std::unique_ptr<RawClient>> hoard;
    for (int i = 0; i < 3; ++i) {
        hoard.push_back(std::make_unique<RawClient>(s.port(), "127.0.0.5"));
        hoard.back()->send("GET /mine HTTP/1.1\r\nHost: x\r\n\r\n");
        ASSERT_EQ(hoard.back()->read_response().status, 200);  // open and kept alive
    }
    RawClient fourth(s.port(), "127.0.0.5");
    fourth.send("GET /more HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto refused = fourth.read_response();
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(
        refused.body,
        R"({"refused":503,"reason":"too many connections from this address","path":"/more"})");

    RawClient other(s.port(), "127.0.0.6");
    other.send("GET /other HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(other.read_response().body, "hello /other");
    // The hoarder's admitted connections are served as before.
    hoard.front()->send("GET /still HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(hoard.front()->read_response().body, "hello /still");
}

}  // namespace
}  // namespace server_test
