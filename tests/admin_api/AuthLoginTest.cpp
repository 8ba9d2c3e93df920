// POST /session: signing in, the cookie it sets, the same answer for every wrong login, and the
// throttle on wrong logins per client address and per username.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include "AdminApiFixture.h"
#include "admin/Token.h"
#include "admin/api/Auth.h"

namespace admin_test {
namespace {

using AuthLogin = AdminApiTest;

// POST /session from `source` (any 127.0.0.0/8 address is loopback on Linux), so that a test
// can play two clients; returns the status code (0: no answer).
int login_from(const std::string& source, std::uint16_t port, const std::string& body) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        ::close(fd);
        return 0;
    }
    std::string request =
        "POST /admin/api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nConnection: close\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    ::send(fd, request.data(), request.size(), 0);
    char buffer[64] = {};
    auto n = ::recv(fd, buffer, sizeof buffer - 1, MSG_WAITALL);
    ::close(fd);
    if (n < 12) return 0;
    return std::stoi(std::string(buffer + 9, 3));  // "HTTP/1.1 200"
}

std::string login_body(const std::string& user, const std::string& password) {
    return boost::json::serialize(boost::json::object{{"username", user}, {"password", password}});
}

TEST_F(AuthLogin, ReturnsUserCsrfTokenExpiryAndLanguage) {
    AdminClient c = client();
    auto reply = c.login(kUser, kUserPassword);
    ASSERT_EQ(reply.status, 200) << reply.body;
    auto body = reply.json().as_object();
    EXPECT_EQ(body.at("user").as_string(), kUser);
    EXPECT_EQ(body.at("language").as_string(), "pl");
    EXPECT_GE(body.at("csrf_token").as_string().size(), 40u);
    EXPECT_NEAR(static_cast<double>(body.at("expires_at").as_int64()),
                static_cast<double>(unix_now() + 12 * 3600), 5.0);
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
}

TEST_F(AuthLogin, SetsAnHttpOnlySecureStrictCookieForTheSessionLifetime) {
    auto reply = client().login(kUser, kUserPassword);
    ASSERT_EQ(reply.status, 200);
    std::string cookie = reply.header("Set-Cookie");
    EXPECT_GE(session_cookie_value(cookie).size(), 43u) << "32 random bytes in base64url";
    for (const char* attribute :
         {"; Path=/admin", "; HttpOnly", "; Secure", "; SameSite=Strict", "; Max-Age=43200"}) {
        EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute << " in " << cookie;
    }
}

TEST_F(AuthLogin, TheStoreKeepsOnlyTheHashOfTheSessionToken) {
    AdminClient c = signed_in();
    auto store = db();
    auto session = store->admins().find_session(admin::token_hash(c.cookie), unix_now());
    ASSERT_TRUE(session.has_value());
    EXPECT_EQ(session->username, kUser);
    EXPECT_EQ(session->csrf_token, c.csrf);
    EXPECT_FALSE(store->admins().find_session(c.cookie, unix_now()).has_value());
}

TEST_F(AuthLogin, WrongPasswordUnknownUserAndDisabledUserGetTheSameAnswer) {
    server_->add_admin_user("piotr", "Another-Long-Password-1");
    ASSERT_TRUE(db()->admins().set_user_disabled("piotr", true));
    auto wrong = client().login(kUser, "Not-The-Password-123");
    auto unknown = client().login("nobody", kUserPassword);
    auto disabled = client().login("piotr", "Another-Long-Password-1");
    for (const auto* reply : {&wrong, &unknown, &disabled}) {
        EXPECT_EQ(reply->status, 401);
        EXPECT_EQ(reply->error_code(), "unauthenticated");
        EXPECT_EQ(reply->header("WWW-Authenticate"), "Bearer");
        EXPECT_TRUE(reply->header("Set-Cookie").empty());
    }
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(wrong.body, disabled.body);
}

TEST_F(AuthLogin, UsernamesAreCaseInsensitive) {
    EXPECT_EQ(client().login("ANNA", kUserPassword).status, 200);
}

TEST_F(AuthLogin, MissingOrMistypedFieldsAre422) {
    AdminClient c = client();
    auto missing = c.send("POST", "/session", R"({"username":"anna"})", {}, false);
    EXPECT_EQ(missing.status, 422);
    EXPECT_EQ(missing.error_field(), "password");
    auto typed = c.send("POST", "/session", R"({"username":"anna","password":12})", {}, false);
    EXPECT_EQ(typed.error_field(), "password");
    auto extra =
        c.send("POST", "/session", R"({"username":"anna","password":"x","otp":1})", {}, false);
    EXPECT_EQ(extra.error_field(), "otp");
}

TEST_F(AuthLogin, RefusesACrossSiteLoginByOrigin) {
    AdminClient c = client();
    std::string body = login_body(kUser, kUserPassword);
    auto cross = c.send("POST", "/session", body, {{"Origin", "https://evil.example"}}, false);
    EXPECT_EQ(cross.status, 403);
    EXPECT_EQ(cross.error_code(), "csrf_failed");
    EXPECT_TRUE(cross.header("Set-Cookie").empty());
    std::string own = "http://127.0.0.1:" + std::to_string(server_->admin_port());
    auto same = c.send("POST", "/session", body, {{"Origin", own}}, false);
    EXPECT_EQ(same.status, 200) << same.body;
}

class AuthThrottle : public AdminApiTest {
    void configure(app::Config& config) override {
        config.admin.api.login_failures = 3;
        config.admin.api.login_window_s = 300;
    }
};

TEST_F(AuthThrottle, AfterTooManyWrongLoginsEvenTheRightPasswordGets429) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(client().login(kUser, "Wrong-Password-" + std::to_string(i)).status, 401);
    }
    for (int i = 0; i < 2; ++i) {
        auto reply = client().login(kUser, kUserPassword);
        EXPECT_EQ(reply.status, 429);
        EXPECT_EQ(reply.error_code(), "rate_limited");
        EXPECT_EQ(reply.header("Retry-After"), "300");
        EXPECT_TRUE(reply.header("Set-Cookie").empty());
    }
}

// 30 wrong sign-ins at once from one address: at most the limit (3) plus the concurrent password
// checks beyond the first (kVerifySlots - 1) are checked and answered 401; every other one is 429,
// so the burst costs a few Argon2id checks, not thirty.
TEST_F(AuthThrottle, ParallelWrongLoginsStopAtTheLimit) {
    const auto port = server_->admin_port();
    std::vector<std::thread> threads;
    std::atomic<int> unauthorised{0}, limited{0}, other{0};
    for (int i = 0; i < 30; ++i)
        threads.emplace_back([&, i] {
            const int status =
                login_from("127.0.0.1", port, login_body(kUser, "Wrong-" + std::to_string(i)));
            (status == 401 ? unauthorised : status == 429 ? limited : other)++;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(other, 0);
    EXPECT_GE(unauthorised, 1);
    EXPECT_LE(unauthorised, 3 + static_cast<int>(admin::api::kVerifySlots) - 1);
    EXPECT_EQ(unauthorised + limited, 30);
    // The admin side still serves everybody else.
    EXPECT_EQ(login_from("127.0.0.3", port, login_body("someone", "Wrong-Password")), 401);
}

TEST_F(AuthThrottle, CountsWrongLoginsPerAddressWhateverTheUsername) {
    for (const char* name : {"a1", "b2", "c3"}) {
        EXPECT_EQ(client().login(name, "Wrong-Password-0").status, 401);
    }
    EXPECT_EQ(client().login(kUser, kUserPassword).status, 429);
    // Another address is not blocked.
    EXPECT_EQ(login_from("127.0.0.2", server_->admin_port(), login_body(kUser, kUserPassword)),
              200);
}

TEST_F(AuthThrottle, CountsWrongLoginsPerUsernameWhateverTheAddress) {
    const auto port = server_->admin_port();
    EXPECT_EQ(login_from("127.0.0.2", port, login_body("anna", "Wrong-Password-0")), 401);
    EXPECT_EQ(login_from("127.0.0.3", port, login_body("ANNA", "Wrong-Password-1")), 401);
    EXPECT_EQ(login_from("127.0.0.4", port, login_body("Anna", "Wrong-Password-2")), 401);
    EXPECT_EQ(login_from("127.0.0.5", port, login_body(kUser, kUserPassword)), 429);
    // Another user from the same address as the failures is not blocked by them.
    server_->add_admin_user("piotr", "Another-Long-Password-1");
    EXPECT_EQ(login_from("127.0.0.2", port, login_body("piotr", "Another-Long-Password-1")), 200);
}

}  // namespace
}  // namespace admin_test
