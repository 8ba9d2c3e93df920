// add_user / add_token over a real store: rules, hashing, and no clear secret in the file.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "admin/Credentials.h"
#include "admin/Password.h"
#include "admin/Token.h"
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
    admin::add_user(admins(), "anna", "correct horse battery");
    auto user = admins().find_user("anna");
    ASSERT_TRUE(user);
    EXPECT_TRUE(admin::verify_password("correct horse battery", user->password_hash));
    EXPECT_FALSE(admin::verify_password("wrong horse battery", user->password_hash));
}

TEST_F(CredentialsTest, RulesAreEnforced) {
    EXPECT_THROW(admin::add_user(admins(), "anna", "too short"), admin::CredentialError);
    EXPECT_THROW(admin::add_user(admins(), "", "correct horse battery"), admin::CredentialError);
    EXPECT_THROW(admin::add_user(admins(), "an na", "correct horse battery"),
                 admin::CredentialError);
    EXPECT_FALSE(admins().find_user("anna"));
    admin::add_user(admins(), "anna", "correct horse battery");
    EXPECT_THROW(admin::add_user(admins(), "anna", "correct horse battery"), store::DuplicateError);
}

TEST_F(CredentialsTest, TokenIsFoundByItsHashOnly) {
    auto user = admin::add_user(admins(), "anna", "correct horse battery");
    auto token = admin::add_token(admins(), "anna", "ci");
    auto found = admins().find_token(admin::token_hash(token));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, user);
    EXPECT_EQ(found->name, "ci");
    EXPECT_FALSE(admins().find_token(token));
}

TEST_F(CredentialsTest, TokenForUnknownUserOrWithoutNameIsRefused) {
    admin::add_user(admins(), "anna", "correct horse battery");
    EXPECT_THROW(admin::add_token(admins(), "bob", "ci"), admin::CredentialError);
    EXPECT_THROW(admin::add_token(admins(), "anna", ""), admin::CredentialError);
}

TEST_F(CredentialsTest, NeitherPasswordNorTokenIsInTheDatabaseFile) {
    admin::add_user(admins(), "anna", "correct horse battery");
    auto token = admin::add_token(admins(), "anna", "ci");
    store_.reset();
    auto bytes = TempDb::file_bytes(db_.path());
    EXPECT_EQ(bytes.find("correct horse battery"), std::string::npos);
    EXPECT_EQ(bytes.find(token), std::string::npos);
    EXPECT_EQ(bytes.find(token.substr(4)), std::string::npos);  // not even without its prefix
    EXPECT_NE(bytes.find(admin::token_hash(token)), std::string::npos);
}

}  // namespace
