#pragma once
// API tokens: "blc_" + 32 random bytes in unpadded base64url. The prefix makes a leaked token
// recognisable (secret scanners, logs); the 256 random bits make a fast hash safe to store.
#include <string>
#include <string_view>

namespace admin {

inline constexpr std::string_view kTokenPrefix = "blc_";

std::string new_token();

// What the store keeps instead of the token: lowercase hex SHA-256 of its bytes.
std::string token_hash(std::string_view token);

}  // namespace admin
