// PostgreSQL going away under a running blconnect (issue 6): requests get internal_error with a
// request id, /healthz reports the database down, the process keeps serving, and everything
// works again once the database is back — without a restart.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "e2e/TcpRelay.h"
#include "support/TempDb.h"
#include "support/TestServer.h"

namespace e2e {
namespace {

// The same database URL, through the relay's port.
std::string via_port(const std::string& url, std::uint16_t port) {
    return std::regex_replace(url, std::regex(R"(@127\.0\.0\.1:[0-9]+/)"),
                              "@127.0.0.1:" + std::to_string(port) + "/");
}

std::uint16_t port_of(const std::string& url) {
    std::smatch m;
    if (!std::regex_search(url, m, std::regex(R"(@127\.0\.0\.1:([0-9]+)/)"))) return 0;
    return std::uint16_t(std::stoi(m[1]));
}

// Repeats `check` (every 100 ms, at most 20 s) until it holds.
bool eventually(const std::function<bool()>& check) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        if (check()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

TEST(DatabaseOutage, InternalErrorAndHealthDownThenRecoveryWithoutRestart) {
    if (!testing_support::TempDb::postgres())
        GTEST_SKIP() << "a database server to lose: PostgreSQL";
    std::unique_ptr<TcpRelay> relay;
    test::TestServer server(20, [&](app::Config& config) {
        relay = std::make_unique<TcpRelay>(port_of(config.database));
        config.database = via_port(config.database, relay->port());
        config.store.pool_size = 2;
    });
    auto list = [&] { return server.call("ProductsList", {{"page", "1"}}); };
    ASSERT_NE(list().body.find("\"pages\""), std::string::npos) << list().body;
    ASSERT_EQ(server.get("/healthz").status, 200);

    relay->cut();
    auto down = list();
    EXPECT_NE(down.body.find("\"error_code\":\"internal_error\""), std::string::npos) << down.body;
    EXPECT_NE(down.body.find("request " + down.request_id), std::string::npos) << down.body;
    EXPECT_EQ(down.body.find("127.0.0.1"), std::string::npos) << "no database detail leaks";
    EXPECT_EQ(server.get("/healthz").status, 503);
    EXPECT_TRUE(server.get("/healthz").body.starts_with(R"({"status":"error","database":"down",)"));
    // Still serving: the protocol's answers that need no database keep coming.
    EXPECT_NE(server.call("FileVersion").body.find("\"platform\""), std::string::npos);

    relay->restore();
    EXPECT_TRUE(eventually([&] { return list().body.find("\"pages\"") != std::string::npos; }))
        << list().body;
    EXPECT_TRUE(eventually([&] { return server.get("/healthz").status == 200; }));
}

}  // namespace
}  // namespace e2e
