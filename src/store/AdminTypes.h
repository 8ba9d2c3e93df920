#pragma once
// Value types of the admin credentials (store::Admins). Hashes only: a password or a token in
// clear never reaches the store.
#include <cstdint>
#include <string>

#include "store/CatalogTypes.h"

namespace store {

struct AdminUser {
    Id id = 0;
    std::string username;
    std::string password_hash;  // crypto_pwhash_str (Argon2id) string
    bool disabled = false;
};

struct AdminToken {
    Id id = 0;
    Id user_id = 0;
    std::string name;
    bool revoked = false;
    bool user_disabled = false;  // a disabled user's tokens must not authenticate either
    std::string username;        // of user_id
};

struct AdminUserInfo {
    Id id = 0;
    std::string username;
    bool disabled = false;
    std::int64_t created_at = 0;
};

struct AdminTokenInfo {
    Id id = 0;
    std::string username, name;
    bool revoked = false;
    std::int64_t created_at = 0;
    std::int64_t last_used_at = 0;  // 0 = never used
};

// A signed-in panel session. The cookie holds a random token; the store keeps its SHA-256 only.
struct AdminSession {
    Id id = 0;
    Id user_id = 0;
    std::string username;
    bool user_disabled = false;
    std::string csrf_token;  // random; the panel echoes it in X-CSRF-Token on every change
    std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;  // unix seconds UTC
};

}  // namespace store
