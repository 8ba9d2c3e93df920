#include "store/postgres/Admins.h"

namespace store::postgres {

Id PgAdmins::create_user(const std::string& username, const std::string& password_hash) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "INSERT INTO admin_users (username, password_hash) VALUES ($1, $2) RETURNING id");
    st.bind(1, username).bind(2, password_hash);
    try {
        st.step_row();
    } catch (const ConstraintError&) {
        // The unique index decides, so two concurrent add-user runs cannot both win.
        throw DuplicateError("admin user '" + username + "' already exists");
    }
    return st.integer(0);
}

std::optional<AdminUser> PgAdmins::find_user(const std::string& username) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT id, username, password_hash, disabled FROM admin_users"
        " WHERE lower(username) = lower($1)");
    st.bind(1, username);
    if (!st.step()) return std::nullopt;
    return AdminUser{st.integer(0), st.text(1), st.text(2), st.boolean(3)};
}

Id PgAdmins::create_token(Id user_id, const std::string& name, const std::string& token_hash) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "INSERT INTO admin_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id");
    st.bind(1, user_id).bind(2, name).bind(3, token_hash);
    try {
        st.step_row();
    } catch (const ConstraintError&) {
        throw StoreError("cannot add a token for admin user id " + std::to_string(user_id) +
                         ": unknown user or token hash already stored");
    }
    return st.integer(0);
}

std::optional<AdminToken> PgAdmins::find_token(const std::string& token_hash) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT t.id, t.user_id, t.name, t.revoked, u.disabled, u.username FROM admin_tokens t"
        " JOIN admin_users u ON u.id = t.user_id WHERE t.token_hash = $1");
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return AdminToken{st.integer(0), st.integer(1), st.text(2),
                      st.boolean(3), st.boolean(4), st.text(5)};
}

void PgAdmins::touch_token(Id token_id, std::int64_t now) {
    auto conn = pool_.acquire();
    conn->prepare("UPDATE admin_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(1, token_id)
        .bind(2, now)
        .run();
}

// The orders of the SQLite backend, whatever collation the database was created with: user
// names case-insensitively (its COLLATE NOCASE), token names by bytes (its BINARY).
std::vector<AdminUserInfo> PgAdmins::list_users() {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT id, username, disabled, created_at FROM admin_users"
        " ORDER BY lower(username) COLLATE \"C\", id");
    std::vector<AdminUserInfo> users;
    while (st.step()) users.push_back({st.integer(0), st.text(1), st.boolean(2), st.integer(3)});
    return users;
}

std::vector<AdminTokenInfo> PgAdmins::list_tokens() {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT t.id, u.username, t.name, t.revoked, t.created_at, COALESCE(t.last_used_at, 0)"
        " FROM admin_tokens t JOIN admin_users u ON u.id = t.user_id"
        " ORDER BY lower(u.username) COLLATE \"C\", t.name COLLATE \"C\", t.id");
    std::vector<AdminTokenInfo> tokens;
    while (st.step()) {
        tokens.push_back(
            {st.integer(0), st.text(1), st.text(2), st.boolean(3), st.integer(4), st.integer(5)});
    }
    return tokens;
}

// Disabling also deletes the user's panel sessions (in the same transaction), so enabling the
// user again later does not bring an old cookie back to life; tokens keep working again then.
bool PgAdmins::set_user_disabled(const std::string& username, bool disabled) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Write);
    auto user = conn->prepare(
        "UPDATE admin_users SET disabled = $2 WHERE lower(username) = lower($1) RETURNING id");
    user.bind(1, username).bind(2, disabled);
    if (!user.step()) return false;
    if (disabled) {
        conn->prepare("DELETE FROM admin_sessions WHERE user_id = $1")
            .bind(1, user.integer(0))
            .run();
    }
    tx.commit();
    return true;
}

std::int64_t PgAdmins::revoke_tokens(const std::string& username, const std::string& name) {
    auto conn = pool_.acquire();
    // Tokens already revoked are not counted: 0 means nothing was left to revoke.
    auto st = conn->prepare(
        "UPDATE admin_tokens SET revoked = TRUE WHERE NOT revoked AND name = $2 AND user_id ="
        " (SELECT id FROM admin_users WHERE lower(username) = lower($1))");
    st.bind(1, username).bind(2, name).run();
    return st.affected();
}

}  // namespace store::postgres
