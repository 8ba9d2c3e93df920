#include "store/sqlite/Admins.h"

namespace store::sqlite {
namespace {

// Reads the RETURNING id, then steps to the end: outside a transaction the statement commits
// there, and a failing commit must not go unnoticed.
Id finish_insert(Statement& st) {
    Id id = st.integer(0);
    st.run();
    return id;
}

}  // namespace

Id SqliteAdmins::create_user(const std::string& username, const std::string& password_hash) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "INSERT INTO admin_users (username, password_hash) VALUES (?1, ?2) RETURNING id");
    st.bind(1, username).bind(2, password_hash);
    try {
        st.step_row();
    } catch (const ConstraintError&) {
        // The UNIQUE constraint decides, so two concurrent add-user runs cannot both win.
        throw DuplicateError("admin user '" + username + "' already exists");
    }
    return finish_insert(st);
}

std::optional<AdminUser> SqliteAdmins::find_user(const std::string& username) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT id, username, password_hash, disabled FROM admin_users WHERE username = ?1");
    st.bind(1, username);
    if (!st.step()) return std::nullopt;
    return AdminUser{st.integer(0), st.text(1), st.text(2), st.integer(3) != 0};
}

Id SqliteAdmins::create_token(Id user_id, const std::string& name, const std::string& token_hash) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "INSERT INTO admin_tokens (user_id, name, token_hash) VALUES (?1, ?2, ?3) RETURNING id");
    st.bind(1, user_id).bind(2, name).bind(3, token_hash);
    try {
        st.step_row();
    } catch (const ConstraintError&) {
        throw StoreError("cannot add a token for admin user id " + std::to_string(user_id) +
                         ": unknown user or token hash already stored");
    }
    return finish_insert(st);
}

std::optional<AdminToken> SqliteAdmins::find_token(const std::string& token_hash) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT t.id, t.user_id, t.name, t.revoked, u.disabled, u.username FROM admin_tokens t "
        "JOIN admin_users u ON u.id = t.user_id WHERE t.token_hash = ?1");
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return AdminToken{st.integer(0),      st.integer(1),      st.text(2),
                      st.integer(3) != 0, st.integer(4) != 0, st.text(5)};
}

void SqliteAdmins::touch_token(Id token_id, std::int64_t now) {
    auto conn = pool_.acquire();
    conn->prepare("UPDATE admin_tokens SET last_used_at = ?2 WHERE id = ?1")
        .bind(1, token_id)
        .bind(2, now)
        .run();
}

}  // namespace store::sqlite
