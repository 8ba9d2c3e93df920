#pragma once
// Admin passwords: Argon2id (libsodium crypto_pwhash_str) at the INTERACTIVE limits, which keep a
// login well under a second while making every offline guess cost 64 MiB of memory.
#include <optional>
#include <string>
#include <string_view>

namespace admin {

inline constexpr std::size_t kMinPasswordChars = 12;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Why `password` is not acceptable ("at least 12 characters", ...), or nullopt when it is.
// Never contains the password.
std::optional<std::string> password_problem(std::string_view password);

// "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>" with a fresh random salt.
std::string hash_password(std::string_view password);

// Constant-time check of `password` against a hash_password() string; false for a malformed hash.
bool verify_password(std::string_view password, const std::string& hash);

}  // namespace admin
