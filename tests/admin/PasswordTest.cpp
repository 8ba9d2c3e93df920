// Argon2id password hashing and the password rules.
#include <gtest/gtest.h>

#include "admin/Password.h"

namespace {

TEST(Password, HashIsAnArgon2idString) {
    auto hash = admin::hash_password("correct horse battery");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("correct horse battery"), std::string::npos);
}

TEST(Password, VerifiesTheRightPasswordOnly) {
    auto hash = admin::hash_password("correct horse battery");
    EXPECT_TRUE(admin::verify_password("correct horse battery", hash));
    EXPECT_FALSE(admin::verify_password("correct horse batterY", hash));
    EXPECT_FALSE(admin::verify_password("", hash));
}

TEST(Password, SamePasswordHashesDifferently) {
    // A fresh salt each time: equal passwords do not show as equal hashes.
    EXPECT_NE(admin::hash_password("correct horse battery"),
              admin::hash_password("correct horse battery"));
}

TEST(Password, MalformedHashVerifiesNothing) {
    EXPECT_FALSE(admin::verify_password("correct horse battery", ""));
    EXPECT_FALSE(admin::verify_password("correct horse battery", "$argon2id$garbage"));
}

TEST(Password, RulesCountCharactersNotBytes) {
    EXPECT_TRUE(admin::password_problem("elevenchars"));
    EXPECT_FALSE(admin::password_problem("twelve chars"));
    // 11 letters in 19 bytes is still too short; 12 is enough.
    EXPECT_TRUE(admin::password_problem("zażółćgęślą"));
    EXPECT_FALSE(admin::password_problem("zażółćgęśląj"));
    EXPECT_TRUE(admin::password_problem(std::string(1025, 'x')));
    EXPECT_TRUE(admin::password_problem("twelve chars\xff"));
}

TEST(Password, ProblemNeverQuotesThePassword) {
    auto problem = admin::password_problem("short-pass");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->find("short-pass"), std::string::npos);
    EXPECT_NE(problem->find("at least 12 characters"), std::string::npos);
}

}  // namespace
