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
};

}  // namespace store
