// Settings saved through the admin side reach the connector of every process on the database:
// a second blconnect server on the same SQLite file picks up a changed order policy and a
// rotated connector password without a restart, and a server started afterwards uses them.
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/sha.h>

#include <chrono>
#include <thread>

#include "app/Service.h"
#include "support/TestServer.h"

namespace {

std::string sha256_hex(const std::string& text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : digest) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

class LiveSettings : public ::testing::Test {
  protected:
    LiveSettings() : a_(20) {
        auto config = a_.config();
        config.server.port = 0;
        config.admin.port = 0;
        b_ = std::make_unique<app::Service>(config);
        b_->start();
    }

    // FileVersion on server B with `password`: the error code, or "ok".
    static std::string outcome(std::uint16_t port, const std::string& password) {
        httplib::Client client("127.0.0.1", port);
        auto reply = client.Post(
            "/baselinker", test::encode_form({{"bl_pass", password}, {"action", "FileVersion"}}),
            "application/x-www-form-urlencoded");
        if (!reply) return "no answer";
        auto at = reply->body.find("\"error_code\":\"");
        if (at == std::string::npos) return "ok";
        at += 14;
        return reply->body.substr(at, reply->body.find('"', at) - at);
    }

    // Waits (at most 20 s) for server B to answer `expected` to `password`.
    bool eventually(const std::string& password, const std::string& expected) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            if (outcome(b_->port(), password) == expected) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    test::TestServer a_;
    std::unique_ptr<app::Service> b_;
};

TEST_F(LiveSettings, RotatedPasswordReachesTheOtherProcess) {
    const std::string fresh = "Rotated-Password-abcdefghijklmnopq";
    ASSERT_EQ(outcome(b_->port(), a_.password()), "ok");
    store::StoredSettings stored = a_.service().store().settings().load();
    stored.connector_password_sha256 = sha256_hex(fresh);
    a_.service().store().settings().save(stored);

    // Polled with the old password: it works until B notices, then fails once (a single wrong
    // password, far from the throttle).
    EXPECT_TRUE(eventually(a_.password(), "incorrect_password"));
    EXPECT_EQ(outcome(b_->port(), fresh), "ok");
    // A process started now uses the rotated password from the start, even with the old one in
    // its config.
    auto config = a_.config();
    config.server.port = 0;
    config.admin.port = 0;
    app::Service c(config);
    c.start();
    EXPECT_EQ(outcome(c.port(), fresh), "ok");
    EXPECT_EQ(outcome(c.port(), a_.password()), "incorrect_password");
}

TEST_F(LiveSettings, SavedOrderPolicyReachesTheOtherProcess) {
    auto order = [&](const std::string& bl_id) {
        httplib::Client client("127.0.0.1", b_->port());
        const std::string lines =
            R"([{"id":"","variant_id":"0","name":"Nieznany","price":"5.00","quantity":1}])";
        auto reply = client.Post("/baselinker",
                                 test::encode_form({{"bl_pass", a_.password()},
                                                    {"action", "OrderAdd"},
                                                    {"baselinker_id", bl_id},
                                                    {"products", lines}}),
                                 "application/x-www-form-urlencoded");
        return reply ? reply->body : std::string();
    };
    // Default policy keeps unknown products as free lines.
    EXPECT_NE(order("7001").find("order_id"), std::string::npos) << order("7001");

    store::StoredSettings stored = a_.service().store().settings().load();
    store::OrderPolicy policy;
    policy.unknown_products = store::UnknownProducts::Reject;
    stored.orders = policy;
    a_.service().store().settings().save(stored);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    // Each attempt is a new BaseLinker order (a re-sent one would be a duplicate).
    std::string body;
    std::int64_t bl_id = 8000;
    while (std::chrono::steady_clock::now() < deadline) {
        body = order(std::to_string(++bl_id));
        if (body.find("unknown_product") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_NE(body.find("unknown_product"), std::string::npos) << body;
    // The rejected order is not in the database.
    store::OrderListQuery all;
    all.limit = 1000;
    for (const auto& o : a_.service().store().orders().list_orders(all)) {
        EXPECT_NE(o.baselinker_id.value_or(0), bl_id);
    }
}

}  // namespace
