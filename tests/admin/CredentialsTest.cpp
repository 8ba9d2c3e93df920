// add_user / add_token over a real store: rules, hashing, and no clear secret in the file.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "admin/Credentials.h"
#include "admin/Password.h"
#include "admin/Token.h"
#include "support/Must.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

class CredentialsTest : public testing::Test {
  protected:
    store::Admins& admins() { return store_->admins(); }
    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

TEST_F(CredentialsTest, AddedUserVerifiesWithItsPassword) {
    must(admin::add_user(admins(), "anna", "correct horse battery"));
    auto user = admins().find_user("anna");
    ASSERT_TRUE(user);
    EXPECT_TRUE(admin::verify_password("correct horse battery", user->password_hash));
    EXPECT_FALSE(admin::verify_password("wrong horse battery", user->password_hash));
}

TEST_F(CredentialsTest, RulesAreEnforced) {
    const auto code = [&](const std::string& username, const std::string& password) {
        return admin::add_user(admins(), username, password).status().code();
    };
    EXPECT_EQ(code("anna", "too short"), core::Code::InvalidField);
    EXPECT_EQ(code("", "correct horse battery"), core::Code::InvalidField);
    EXPECT_EQ(code("an na", "correct horse battery"), core::Code::InvalidField);
    EXPECT_FALSE(admins().find_user("anna"));
    must(admin::add_user(admins(), "anna", "correct horse battery"));
    EXPECT_EQ(code("anna", "correct horse battery"), core::Code::Conflict);
}

TEST_F(CredentialsTest, TokenIsFoundByItsHashOnly) {
    auto user = must(admin::add_user(admins(), "anna", "correct horse battery"));
    auto token = must(admin::add_token(admins(), "anna", "ci"));
    auto found = admins().find_token(admin::token_hash(token));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, user);
    EXPECT_EQ(found->name, "ci");
    EXPECT_FALSE(admins().find_token(token));
}

TEST_F(CredentialsTest, TokenForUnknownUserOrWithoutNameIsRefused) {
    must(admin::add_user(admins(), "anna", "correct horse battery"));
    EXPECT_EQ(admin::add_token(admins(), "bob", "ci").status().code(), core::Code::NotFound);
    EXPECT_EQ(admin::add_token(admins(), "anna", "").status().code(), core::Code::InvalidField);
}

TEST_F(CredentialsTest, NeitherPasswordNorTokenIsInTheDatabaseFile) {
    must(admin::add_user(admins(), "anna", "correct horse battery"));
    auto token = must(admin::add_token(admins(), "anna", "ci"));
    store_.reset();
    auto bytes = TempDb::file_bytes(db_.path());
    EXPECT_EQ(bytes.find("correct horse battery"), std::string::npos);
    EXPECT_EQ(bytes.find(token), std::string::npos);
    EXPECT_EQ(bytes.find(token.substr(4)), std::string::npos);  // not even without its prefix
    EXPECT_NE(bytes.find(admin::token_hash(token)), std::string::npos);
}

}  // namespace
