// admin_users / admin_tokens: users and tokens by the hashes the admin layer hands in.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

const std::string kHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g";

class AdminsTest : public testing::Test {
  protected:
    store::Admins& admins() { return store_->admins(); }
    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

TEST_F(AdminsTest, CreatedUserIsFoundByName) {
    auto id = must(admins().create_user("anna", kHash));
    auto user = admins().find_user("anna");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->id, id);
    EXPECT_EQ(user->username, "anna");
    EXPECT_EQ(user->password_hash, kHash);
    EXPECT_FALSE(user->disabled);
}

TEST_F(AdminsTest, UnknownUserIsNotFound) {
    must(admins().create_user("anna", kHash));
    EXPECT_FALSE(admins().find_user("bob"));
}

TEST_F(AdminsTest, DuplicateUsernameIsRefusedWhateverTheCase) {
    must(admins().create_user("anna", kHash));
    EXPECT_EQ(admins().create_user("anna", kHash).status().code(), core::Code::Conflict);
    auto again = admins().create_user("Anna", kHash);
    ASSERT_FALSE(again.ok()) << "a username differing only in case was accepted";
    EXPECT_EQ(again.status().code(), core::Code::Conflict);
    EXPECT_EQ(again.status().field(), "username");
    EXPECT_EQ(again.status().message(), "admin user 'Anna' already exists");
}

TEST_F(AdminsTest, TokenIsFoundByItsHash) {
    auto user = must(admins().create_user("anna", kHash));
    auto id = must(admins().create_token(user, "ci", "hash-of-token-1"));
    must(admins().create_token(user, "backup", "hash-of-token-2"));
    auto token = admins().find_token("hash-of-token-1");
    ASSERT_TRUE(token);
    EXPECT_EQ(token->id, id);
    EXPECT_EQ(token->user_id, user);
    EXPECT_EQ(token->name, "ci");
    EXPECT_FALSE(token->revoked);
    EXPECT_FALSE(token->user_disabled);
    EXPECT_FALSE(admins().find_token("hash-of-another-token"));
}

TEST_F(AdminsTest, TokenForUnknownUserIsRefused) {
    // A client error, not a database failure: the caller can name the user it meant.
    auto token = admins().create_token(42, "ci", "hash");
    ASSERT_FALSE(token.ok());
    EXPECT_EQ(token.status().code(), core::Code::NotFound);
    EXPECT_EQ(token.status().field(), "user_id");
}

TEST_F(AdminsTest, SameTokenHashIsRefused) {
    auto user = must(admins().create_user("anna", kHash));
    must(admins().create_token(user, "ci", "hash"));
    EXPECT_EQ(admins().create_token(user, "again", "hash").status().code(), core::Code::Conflict);
}

TEST_F(AdminsTest, TouchRecordsLastUse) {
    auto user = must(admins().create_user("anna", kHash));
    auto id = must(admins().create_token(user, "ci", "hash"));
    admins().touch_token(id, 1'700'000'000);
    store_.reset();
    if (TempDb::postgres()) {
        // The raw read below is SQLite's; the same through the store's own listing.
        auto tokens = db_.open()->admins().list_tokens();
        ASSERT_EQ(tokens.size(), 1u);
        EXPECT_EQ(tokens[0].last_used_at, 1'700'000'000);
        return;
    }
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_.path().c_str(), &raw), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "SELECT last_used_at FROM admin_tokens", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int64(st, 0), 1'700'000'000);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

TEST_F(AdminsTest, OnlyWhatIsHandedInIsStored) {
    // The store never sees a token; it keeps exactly the hash it is given.
    auto user = must(admins().create_user("anna", kHash));
    must(admins().create_token(user, "ci", "0123456789abcdef-stored-hash"));
    store_.reset();
    {
        auto reopened = db_.open();
        EXPECT_TRUE(reopened->admins().find_token("0123456789abcdef-stored-hash"));
        EXPECT_EQ(reopened->admins().find_user("anna")->password_hash, kHash);
    }
    if (TempDb::postgres()) return;  // SQLite-specific: the bytes of the database file
    auto bytes = TempDb::file_bytes(db_.path());
    EXPECT_NE(bytes.find("0123456789abcdef-stored-hash"), std::string::npos);
    EXPECT_NE(bytes.find(kHash), std::string::npos);
}

TEST_F(AdminsTest, ListsUsersAndTokensWithoutHashes) {
    auto anna = must(admins().create_user("anna", kHash));
    auto bob = must(admins().create_user("Bob", kHash));
    auto ci = must(admins().create_token(anna, "ci", "hash-1"));
    must(admins().create_token(bob, "backup", "hash-2"));
    admins().touch_token(ci, 1'700'000'000);
    auto users = admins().list_users();
    ASSERT_EQ(users.size(), 2u);
    EXPECT_EQ(users[0].id, anna);
    EXPECT_EQ(users[0].username, "anna");
    EXPECT_EQ(users[1].username, "Bob");  // ordered regardless of case
    EXPECT_FALSE(users[1].disabled);
    EXPECT_GT(users[0].created_at, 1'700'000'000);
    auto tokens = admins().list_tokens();
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].id, ci);
    EXPECT_EQ(tokens[0].username, "anna");
    EXPECT_EQ(tokens[0].name, "ci");
    EXPECT_EQ(tokens[0].last_used_at, 1'700'000'000);
    EXPECT_EQ(tokens[1].username, "Bob");
    EXPECT_EQ(tokens[1].last_used_at, 0);  // never used
    EXPECT_FALSE(tokens[1].revoked);
}

TEST_F(AdminsTest, EmptyListsAreEmpty) {
    EXPECT_TRUE(admins().list_users().empty());
    EXPECT_TRUE(admins().list_tokens().empty());
}

TEST_F(AdminsTest, DisablingAUserReachesItsTokensAndIgnoresCase) {
    auto user = must(admins().create_user("anna", kHash));
    must(admins().create_token(user, "ci", "hash"));
    EXPECT_TRUE(admins().set_user_disabled("ANNA", true));
    EXPECT_TRUE(admins().find_user("anna")->disabled);
    EXPECT_TRUE(admins().find_token("hash")->user_disabled);
    EXPECT_TRUE(admins().list_users()[0].disabled);
    EXPECT_TRUE(admins().set_user_disabled("anna", true));  // already disabled: still known
    EXPECT_TRUE(admins().set_user_disabled("Anna", false));
    EXPECT_FALSE(admins().find_user("anna")->disabled);
    EXPECT_FALSE(admins().find_token("hash")->user_disabled);
}

TEST_F(AdminsTest, DisablingAnUnknownUserChangesNothing) {
    must(admins().create_user("anna", kHash));
    EXPECT_FALSE(admins().set_user_disabled("bob", true));
    EXPECT_FALSE(admins().set_user_disabled("anna' OR '1'='1", true));
    EXPECT_FALSE(admins().set_user_disabled("%", true));
    EXPECT_FALSE(admins().find_user("anna")->disabled);
}

TEST_F(AdminsTest, DisablingAUserEndsItsSessionsForGood) {
    auto anna = must(admins().create_user("anna", kHash));
    auto bob = must(admins().create_user("bob", kHash));
    admins().create_session(anna, "anna-session", "csrf", 1000, 9000);
    admins().create_session(bob, "bob-session", "csrf", 1000, 9000);
    ASSERT_TRUE(admins().set_user_disabled("anna", true));
    EXPECT_FALSE(admins().find_session("anna-session", 2000));
    ASSERT_TRUE(admins().set_user_disabled("anna", false));
    EXPECT_FALSE(admins().find_session("anna-session", 2000));  // enabling brings none back
    EXPECT_TRUE(admins().find_session("bob-session", 2000));
}

TEST_F(AdminsTest, RevokeTokensRevokesThatUsersTokensOfThatName) {
    auto anna = must(admins().create_user("anna", kHash));
    auto bob = must(admins().create_user("bob", kHash));
    must(admins().create_token(anna, "ci", "anna-ci-1"));
    must(admins().create_token(anna, "ci", "anna-ci-2"));
    must(admins().create_token(anna, "backup", "anna-backup"));
    must(admins().create_token(bob, "ci", "bob-ci"));
    EXPECT_EQ(admins().revoke_tokens("Anna", "ci"), 2);
    EXPECT_TRUE(admins().find_token("anna-ci-1")->revoked);
    EXPECT_TRUE(admins().find_token("anna-ci-2")->revoked);
    EXPECT_FALSE(admins().find_token("anna-backup")->revoked);
    EXPECT_FALSE(admins().find_token("bob-ci")->revoked);
    EXPECT_FALSE(admins().find_user("anna")->disabled);
}

TEST_F(AdminsTest, RevokeTokensCountsOnlyTokensStillValid) {
    auto anna = must(admins().create_user("anna", kHash));
    must(admins().create_token(anna, "ci", "anna-ci"));
    EXPECT_EQ(admins().revoke_tokens("anna", "ci"), 1);
    EXPECT_EQ(admins().revoke_tokens("anna", "ci"), 0);  // already revoked
    EXPECT_EQ(admins().revoke_tokens("anna", "nope"), 0);
    EXPECT_EQ(admins().revoke_tokens("bob", "ci"), 0);
    EXPECT_EQ(admins().revoke_tokens("anna", "ci' OR '1'='1"), 0);
    EXPECT_TRUE(admins().list_tokens()[0].revoked);
}

}  // namespace
