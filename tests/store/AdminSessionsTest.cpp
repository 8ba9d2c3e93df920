// admin_sessions: panel sessions found by the hash of the cookie's token, expiry, pruning.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

const std::string kPasswordHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g";
const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');
constexpr std::int64_t kNow = 1'760'000'000;
constexpr std::int64_t kHour = 3600;

class AdminSessionsTest : public testing::Test {
  protected:
    store::Admins& admins() { return store_->admins(); }
    void exec(const char* sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(db_.path().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK)
            << sqlite3_errmsg(db);
        sqlite3_close(db);
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    store::Id anna_ = must(admins().create_user("anna", kPasswordHash));
};

}  // namespace

TEST_F(AdminSessionsTest, CreatedSessionIsFoundWithItsUserAndCsrfToken) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + 8 * kHour);
    auto s = admins().find_session(kHashA, kNow + 1);
    ASSERT_TRUE(s);
    EXPECT_GT(s->id, 0);
    EXPECT_EQ(s->user_id, anna_);
    EXPECT_EQ(s->username, "anna");
    EXPECT_FALSE(s->user_disabled);
    EXPECT_EQ(s->csrf_token, "csrf-1");
    EXPECT_EQ(s->created_at, kNow);
    EXPECT_EQ(s->last_seen_at, kNow);
    EXPECT_EQ(s->expires_at, kNow + 8 * kHour);
}

TEST_F(AdminSessionsTest, UnknownTokenHashFindsNothing) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    EXPECT_FALSE(admins().find_session(kHashB, kNow));
    EXPECT_FALSE(admins().find_session("' OR 1=1 --", kNow));
    EXPECT_FALSE(admins().find_session("", kNow));
}

TEST_F(AdminSessionsTest, SessionEndsAtItsExpiryTime) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    EXPECT_TRUE(admins().find_session(kHashA, kNow + kHour - 1));
    EXPECT_FALSE(admins().find_session(kHashA, kNow + kHour));
    EXPECT_FALSE(admins().find_session(kHashA, kNow + 2 * kHour));
}

TEST_F(AdminSessionsTest, DisabledUserIsReportedSoTheCallerCanRefuseIt) {
    // set_user_disabled would end the sessions too: only a raw write leaves one to report.
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: raw sqlite3 access";
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    exec("UPDATE admin_users SET disabled = 1 WHERE username = 'anna'");
    auto s = admins().find_session(kHashA, kNow);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->user_disabled);
}

TEST_F(AdminSessionsTest, TouchRecordsTheLastRequest) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    auto s = admins().find_session(kHashA, kNow);
    ASSERT_TRUE(s);
    admins().touch_session(s->id, kNow + 600);
    auto again = admins().find_session(kHashA, kNow + 601);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->last_seen_at, kNow + 600);
    EXPECT_EQ(again->created_at, kNow);
    EXPECT_EQ(again->expires_at, kNow + kHour);
}

TEST_F(AdminSessionsTest, DeleteEndsOnlyThatSession) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    admins().create_session(anna_, kHashB, "csrf-2", kNow, kNow + kHour);
    admins().delete_session(kHashA);
    EXPECT_FALSE(admins().find_session(kHashA, kNow));
    auto other = admins().find_session(kHashB, kNow);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->csrf_token, "csrf-2");
    admins().delete_session(kHashA);  // already gone: nothing to do
}

TEST_F(AdminSessionsTest, PruneRemovesExpiredSessionsOnly) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    admins().create_session(anna_, kHashB, "csrf-2", kNow, kNow + 3 * kHour);
    EXPECT_EQ(admins().prune_sessions(kNow), 0);
    EXPECT_EQ(admins().prune_sessions(kNow + 2 * kHour), 1);
    EXPECT_TRUE(admins().find_session(kHashB, kNow + 2 * kHour));
    EXPECT_EQ(admins().prune_sessions(kNow + 2 * kHour), 0);
}

TEST_F(AdminSessionsTest, SessionOfAnUnknownUserIsRefused) {
    EXPECT_THROW(admins().create_session(anna_ + 100, kHashA, "csrf-1", kNow, kNow + kHour),
                 store::StoreError);
    EXPECT_FALSE(admins().find_session(kHashA, kNow));
}

TEST_F(AdminSessionsTest, SameTokenHashTwiceIsRefused) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    EXPECT_THROW(admins().create_session(anna_, kHashA, "csrf-2", kNow, kNow + kHour),
                 store::StoreError);
    EXPECT_EQ(admins().find_session(kHashA, kNow)->csrf_token, "csrf-1");
}

TEST_F(AdminSessionsTest, SessionsSurviveReopeningTheDatabase) {
    admins().create_session(anna_, kHashA, "csrf-1", kNow, kNow + kHour);
    store_.reset();
    auto reopened = db_.open();
    auto s = reopened->admins().find_session(kHashA, kNow);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->username, "anna");
}

TEST_F(AdminSessionsTest, TokenNamesItsUser) {
    must(admins().create_token(anna_, "deploy script", kHashA));
    auto token = admins().find_token(kHashA);
    ASSERT_TRUE(token);
    EXPECT_EQ(token->username, "anna");
    EXPECT_EQ(token->user_id, anna_);
}
