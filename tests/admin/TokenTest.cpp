// API tokens: format, randomness, the stored hash.
#include <gtest/gtest.h>

#include <set>

#include "admin/Token.h"

namespace {

TEST(Token, HasPrefixAnd256RandomBitsInBase64url) {
    auto token = admin::new_token();
    ASSERT_EQ(token.rfind("blc_", 0), 0u);
    EXPECT_EQ(token.size(), 4u + 43u);  // 32 bytes, unpadded base64
    EXPECT_EQ(token.find_first_not_of(
                  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 4),
              std::string::npos);
}

TEST(Token, NewTokensDiffer) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) seen.insert(admin::new_token());
    EXPECT_EQ(seen.size(), 100u);
}

TEST(Token, HashIsHexSha256) {
    // SHA-256("abc"), FIPS 180-2 test vector.
    EXPECT_EQ(admin::token_hash("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    auto token = admin::new_token();
    EXPECT_EQ(admin::token_hash(token), admin::token_hash(token));
    EXPECT_NE(admin::token_hash(token), admin::token_hash(admin::new_token()));
}

}  // namespace
