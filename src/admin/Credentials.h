#pragma once
// Creating admin credentials on top of store::Admins: the rules (username, password length),
// the hashing, and the one place a new token exists in clear (the return value of add_token).
#include <string>

#include "core/Status.h"
#include "store/Store.h"

namespace admin {

// 1-64 characters of [A-Za-z0-9._@-]: ASCII, so that the case-insensitive UNIQUE in the schema
// (SQLite NOCASE folds ASCII only) really makes "Anna" and "anna" one user.
bool valid_username(const std::string& username);

// Checks the username and password rules, hashes, stores. InvalidField ("username", "password")
// for a rule, Conflict for a taken username; the message is for the person at the keyboard.
core::Result<store::Id> add_user(store::Admins& admins, const std::string& username,
                                 const std::string& password);

// A new token for `username` named `name`; only its hash is stored, so the returned token can be
// shown once and never again. InvalidField for an empty name, NotFound for an unknown user,
// InvalidField ("username") for a disabled one.
core::Result<std::string> add_token(store::Admins& admins, const std::string& username,
                                    const std::string& name);

}  // namespace admin
