#include "admin/Credentials.h"

#include <algorithm>

#include "admin/Password.h"
#include "admin/Token.h"

namespace admin {

bool valid_username(const std::string& username) {
    if (username.empty() || username.size() > 64) return false;
    return std::all_of(username.begin(), username.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '@' || c == '-';
    });
}

core::Result<store::Id> add_user(store::Admins& admins, const std::string& username,
                                 const std::string& password) {
    if (!valid_username(username)) {
        return core::Status::invalid_field(
            "username", "username must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
    }
    if (auto problem = password_problem(password)) {
        return core::Status::invalid_field("password", *problem);
    }
    return admins.create_user(username, hash_password(password));
}

core::Result<std::string> add_token(store::Admins& admins, const std::string& username,
                                    const std::string& name) {
    if (name.empty()) return core::Status::invalid_field("name", "the token needs a --name");
    auto user = admins.find_user(username);
    if (!user) return core::Status::not_found("unknown admin user '" + username + "'", "username");
    if (user->disabled) {
        return core::Status::invalid_field("username", "admin user '" + username + "' is disabled");
    }
    std::string token = new_token();
    auto stored = admins.create_token(user->id, name, token_hash(token));
    if (!stored) return stored.status();
    return token;
}

}  // namespace admin
