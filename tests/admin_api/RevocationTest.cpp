// Taking access away while the service runs: after store::Admins::revoke_tokens (`blconnect
// admin revoke-token`) or set_user_disabled (`disable-user`), written through a second store on
// the same database, the admin API refuses the credential at its next request.
#include "AdminApiFixture.h"
#include "admin/Credentials.h"
#include "support/Must.h"

namespace admin_test {
namespace {

using Revocation = AdminApiTest;

void expect_unauthenticated(const Reply& reply, const char* what) {
    EXPECT_EQ(reply.status, 401) << what << ": " << reply.body;
    EXPECT_EQ(reply.error_code(), "unauthenticated") << what;
}

TEST_F(Revocation, ARevokedTokenIs401AndOtherTokensKeepWorking) {
    AdminClient revoked = with_token();  // TestServer names its tokens "test"
    AdminClient other = client();
    other.use_bearer(must(admin::add_token(db()->admins(), kUser, "backup")));
    ASSERT_EQ(revoked.get("/settings").status, 200);

    ASSERT_EQ(db()->admins().revoke_tokens(kUser, "test"), 1);
    auto reply = revoked.get("/settings");
    expect_unauthenticated(reply, "revoked token");
    EXPECT_EQ(reply.header("WWW-Authenticate"), "Bearer");
    EXPECT_EQ(other.get("/settings").status, 200);
    EXPECT_EQ(signed_in().get("/settings").status, 200);  // the user is not disabled
}

TEST_F(Revocation, ADisabledUserLosesSessionTokenAndLogin) {
    AdminClient session = signed_in();
    AdminClient token = with_token();
    ASSERT_EQ(session.get("/settings").status, 200);
    ASSERT_EQ(token.get("/settings").status, 200);

    ASSERT_TRUE(db()->admins().set_user_disabled(kUser, true));
    expect_unauthenticated(session.get("/settings"), "session cookie");
    expect_unauthenticated(token.get("/settings"), "bearer token");
    auto login = client().login(kUser, kUserPassword);
    expect_unauthenticated(login, "login");
    EXPECT_TRUE(login.header("Set-Cookie").empty());
}

TEST_F(Revocation, EnablingAgainRestoresLoginAndTokensButNoOldSession) {
    AdminClient session = signed_in();
    AdminClient token = with_token();
    ASSERT_TRUE(db()->admins().set_user_disabled(kUser, true));
    ASSERT_TRUE(db()->admins().set_user_disabled(kUser, false));
    expect_unauthenticated(session.get("/settings"), "session from before the disable");
    EXPECT_EQ(token.get("/settings").status, 200);
    EXPECT_EQ(signed_in().get("/settings").status, 200);
}

}  // namespace
}  // namespace admin_test
