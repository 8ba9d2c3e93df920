// The cookie session after sign-in: GET/DELETE /session, absolute and idle expiry, the CSRF
// token on every change, and bearer API tokens for scripts.
#include "AdminApiFixture.h"
#include "admin/Token.h"

namespace admin_test {
namespace {

using AuthSession = AdminApiTest;

const std::string kPolicy =
    R"({"unknown_products":"reject","match_by_codes":false,"default_status":1,)"
    R"("accept_updates":{"status":true,"delivery_number":true,"paid":false},"status_map":{}})";

// A session put straight into the store, as if signed in at `created_at`.
std::string planted_session(store::Store& store, std::int64_t created_at, std::int64_t expires_at) {
    auto user = store.admins().find_user("anna");
    std::string token = "planted-session-token-" + std::to_string(created_at);
    store.admins().create_session(user->id, admin::token_hash(token), "planted-csrf", created_at,
                                  expires_at);
    return token;
}

bool orders_stored(store::Store& store) {
    return store.settings().load().orders.has_value();
}

TEST_F(AuthSession, GetReturnsTheSameObjectAsTheLogin) {
    AdminClient c = client();
    auto login = c.login(kUser, kUserPassword);
    auto current = c.get("/session");
    ASSERT_EQ(current.status, 200);
    EXPECT_EQ(current.json(), login.json());
}

TEST_F(AuthSession, DeleteEndsTheSessionAndClearsTheCookie) {
    AdminClient c = signed_in();
    std::string cookie = c.cookie;
    auto reply = c.del("/session");
    EXPECT_EQ(reply.status, 204);
    EXPECT_NE(reply.header("Set-Cookie").find("blc_session=;"), std::string::npos);
    EXPECT_NE(reply.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(c.get("/session").status, 401);
    EXPECT_EQ(c.get("/settings").status, 401);
    EXPECT_FALSE(db()->admins().find_session(admin::token_hash(cookie), unix_now()));
}

TEST_F(AuthSession, DeleteNeedsTheCsrfToken) {
    AdminClient c = signed_in();
    c.send_csrf = false;
    auto reply = c.del("/session");
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.error_code(), "csrf_failed");
    EXPECT_EQ(c.get("/session").status, 200);
}

TEST_F(AuthSession, WithoutACookieEverythingIs401WithWwwAuthenticate) {
    for (const char* path : {"/session", "/settings", "/journal", "/health"}) {
        auto reply = client().get(path);
        EXPECT_EQ(reply.status, 401) << path;
        EXPECT_EQ(reply.error_code(), "unauthenticated");
        EXPECT_EQ(reply.header("WWW-Authenticate"), "Bearer");
        EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    }
}

TEST_F(AuthSession, AnExpiredSessionIs401) {
    AdminClient c = client();
    auto now = unix_now();
    c.cookie = planted_session(*db(), now - 13 * 3600, now - 3600);
    EXPECT_EQ(c.get("/session").status, 401);
}

TEST_F(AuthSession, AnIdleSessionIs401AndIsDeleted) {
    AdminClient c = client();
    auto now = unix_now();
    c.cookie = planted_session(*db(), now - 3 * 3600, now + 9 * 3600);  // idle limit: 120 min
    EXPECT_EQ(c.get("/settings").status, 401);
    EXPECT_FALSE(db()->admins().find_session(admin::token_hash(c.cookie), now));
}

TEST_F(AuthSession, EachRequestRestartsTheIdleClock) {
    AdminClient c = client();
    auto now = unix_now();
    c.cookie = planted_session(*db(), now - 100 * 60, now + 9 * 3600);
    EXPECT_EQ(c.get("/settings").status, 200);
    auto session = db()->admins().find_session(admin::token_hash(c.cookie), now);
    ASSERT_TRUE(session.has_value());
    EXPECT_GE(session->last_seen_at, now);
}

TEST_F(AuthSession, ADisabledUsersSessionStopsWorking) {
    AdminClient c = signed_in();
    ASSERT_TRUE(db()->admins().set_user_disabled(kUser, true));
    EXPECT_EQ(c.get("/settings").status, 401);
}

TEST_F(AuthSession, AChangeWithoutTheCsrfTokenIs403AndChangesNothing) {
    AdminClient c = signed_in();
    c.send_csrf = false;
    auto missing = c.put("/settings/orders", kPolicy);
    EXPECT_EQ(missing.status, 403);
    EXPECT_EQ(missing.error_code(), "csrf_failed");
    auto wrong = c.send("PUT", "/settings/orders", kPolicy, {{"X-CSRF-Token", "guess"}});
    EXPECT_EQ(wrong.status, 403);
    auto other =
        c.send("POST", "/settings/connector-password", "", {{"X-CSRF-Token", c.csrf + "x"}});
    EXPECT_EQ(other.status, 403);
    auto store = db();
    EXPECT_FALSE(orders_stored(*store));
    EXPECT_FALSE(store->settings().load().connector_password_sha256.has_value());
    // Reading needs no token; the right token lets the change through.
    EXPECT_EQ(c.get("/settings").status, 200);
    c.send_csrf = true;
    EXPECT_EQ(c.put("/settings/orders", kPolicy).status, 200);
    EXPECT_TRUE(orders_stored(*db()));
}

TEST_F(AuthSession, AnotherSessionsCsrfTokenDoesNotCount) {
    AdminClient first = signed_in();
    AdminClient second = signed_in();
    first.csrf = second.csrf;
    EXPECT_EQ(first.put("/settings/orders", kPolicy).status, 403);
}

TEST_F(AuthSession, BearerTokenNeedsNoCsrfToken) {
    AdminClient c = with_token();
    EXPECT_EQ(c.get("/settings").status, 200);
    auto reply = c.put("/settings/orders", kPolicy);
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_TRUE(orders_stored(*db()));
}

TEST_F(AuthSession, RevokedTokensAndDisabledUsersTokensAre401) {
    AdminClient c = with_token();
    ASSERT_EQ(db()->admins().revoke_tokens(kUser, "test"), 1);  // with_token() names it "test"
    EXPECT_EQ(c.get("/settings").status, 401);
    AdminClient d = with_token();
    EXPECT_EQ(d.get("/settings").status, 200);
    ASSERT_TRUE(db()->admins().set_user_disabled(kUser, true));
    auto reply = d.get("/settings");
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.header("WWW-Authenticate"), "Bearer");
}

TEST_F(AuthSession, GarbageAuthorizationIs401) {
    AdminClient c = client();
    for (const char* value : {"Bearer nonsense", "Bearer ", "Bearer blc_", "Basic YW5uYTp4",
                              "bearer", "Bearer blc_' OR '1'='1"}) {
        auto reply = c.send("GET", "/settings", "", {{"Authorization", value}});
        EXPECT_EQ(reply.status, 401) << value;
        EXPECT_EQ(reply.error_code(), "unauthenticated");
    }
}

TEST_F(AuthSession, AWrongBearerTokenIsNotRescuedByAValidCookie) {
    AdminClient c = signed_in();
    c.use_bearer("blc_not-a-token");
    EXPECT_EQ(c.get("/settings").status, 401);
}

TEST_F(AuthSession, NoSecretReachesTheLogOrAReply) {
    AdminClient c = client();
    auto wrong = c.login(kUser, "Wrong-Password-Secret-1");
    auto login = c.login(kUser, kUserPassword);
    std::string token = server_->add_admin_token(kUser);
    AdminClient script = client();
    script.use_bearer(token);
    auto rotated = script.post("/settings/connector-password", "");
    ASSERT_EQ(rotated.status, 200);
    std::string connector_password(rotated.json().at("password").as_string());
    auto settings = c.get("/settings");
    std::string log = logs();
    for (const std::string& secret :
         {std::string(kUserPassword), std::string("Wrong-Password-Secret-1"), c.cookie, c.csrf,
          token, connector_password}) {
        ASSERT_FALSE(secret.empty());
        EXPECT_EQ(log.find(secret), std::string::npos) << "a secret in the log";
        EXPECT_EQ(wrong.body.find(secret), std::string::npos);
        EXPECT_EQ(settings.body.find(secret), std::string::npos);
    }
    EXPECT_EQ(login.body.find(kUserPassword), std::string::npos);
    EXPECT_NE(log.find("signed in"), std::string::npos) << "the capture works";
}

}  // namespace
}  // namespace admin_test
