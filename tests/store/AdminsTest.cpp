// admin_users / admin_tokens: users and tokens by the hashes the admin layer hands in.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "store/Store.h"
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
    auto id = admins().create_user("anna", kHash);
    auto user = admins().find_user("anna");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->id, id);
    EXPECT_EQ(user->username, "anna");
    EXPECT_EQ(user->password_hash, kHash);
    EXPECT_FALSE(user->disabled);
}

TEST_F(AdminsTest, UnknownUserIsNotFound) {
    admins().create_user("anna", kHash);
    EXPECT_FALSE(admins().find_user("bob"));
}

TEST_F(AdminsTest, DuplicateUsernameIsRefusedWhateverTheCase) {
    admins().create_user("anna", kHash);
    EXPECT_THROW(admins().create_user("anna", kHash), store::DuplicateError);
    try {
        admins().create_user("Anna", kHash);
        FAIL() << "a username differing only in case was accepted";
    } catch (const store::DuplicateError& e) {
        EXPECT_STREQ(e.what(), "admin user 'Anna' already exists");
    }
}

TEST_F(AdminsTest, TokenIsFoundByItsHash) {
    auto user = admins().create_user("anna", kHash);
    auto id = admins().create_token(user, "ci", "hash-of-token-1");
    admins().create_token(user, "backup", "hash-of-token-2");
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
    EXPECT_THROW(admins().create_token(42, "ci", "hash"), store::StoreError);
}

TEST_F(AdminsTest, SameTokenHashIsRefused) {
    auto user = admins().create_user("anna", kHash);
    admins().create_token(user, "ci", "hash");
    EXPECT_THROW(admins().create_token(user, "again", "hash"), store::StoreError);
}

TEST_F(AdminsTest, TouchRecordsLastUse) {
    auto user = admins().create_user("anna", kHash);
    auto id = admins().create_token(user, "ci", "hash");
    admins().touch_token(id, 1'700'000'000);
    store_.reset();
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
    auto user = admins().create_user("anna", kHash);
    admins().create_token(user, "ci", "0123456789abcdef-stored-hash");
    store_.reset();
    auto bytes = TempDb::file_bytes(db_.path());
    EXPECT_NE(bytes.find("0123456789abcdef-stored-hash"), std::string::npos);
    EXPECT_NE(bytes.find(kHash), std::string::npos);
}

}  // namespace
