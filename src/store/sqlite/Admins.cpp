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

std::vector<AdminUserInfo> SqliteAdmins::list_users() {
    auto conn = pool_.acquire();
    // username is COLLATE NOCASE, so the order ignores case too.
    auto st = conn->prepare(
        "SELECT id, username, disabled, created_at FROM admin_users ORDER BY username, id");
    std::vector<AdminUserInfo> users;
    while (st.step()) {
        users.push_back({st.integer(0), st.text(1), st.integer(2) != 0, st.integer(3)});
    }
    return users;
}

std::vector<AdminTokenInfo> SqliteAdmins::list_tokens() {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT t.id, u.username, t.name, t.revoked, t.created_at, coalesce(t.last_used_at, 0)"
        " FROM admin_tokens t JOIN admin_users u ON u.id = t.user_id"
        " ORDER BY u.username, t.name, t.id");
    std::vector<AdminTokenInfo> tokens;
    while (st.step()) {
        tokens.push_back({st.integer(0), st.text(1), st.text(2), st.integer(3) != 0, st.integer(4),
                          st.integer(5)});
    }
    return tokens;
}

// Disabling also deletes the user's panel sessions (in the same transaction), so enabling the
// user again later does not bring an old cookie back to life; tokens keep working again then.
bool SqliteAdmins::set_user_disabled(const std::string& username, bool disabled) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Write);
    conn->prepare("UPDATE admin_users SET disabled = ?2 WHERE username = ?1")
        .bind(1, username)
        .bind(2, disabled)
        .run();
    if (conn->changes() == 0) return false;
    if (disabled) {
        conn->prepare(
                "DELETE FROM admin_sessions WHERE user_id ="
                " (SELECT id FROM admin_users WHERE username = ?1)")
            .bind(1, username)
            .run();
    }
    tx.commit();
    return true;
}

std::int64_t SqliteAdmins::revoke_tokens(const std::string& username, const std::string& name) {
    auto conn = pool_.acquire();
    // Tokens already revoked are not counted: 0 means nothing was left to revoke.
    conn->prepare(
            "UPDATE admin_tokens SET revoked = 1 WHERE revoked = 0 AND name = ?2 AND user_id ="
            " (SELECT id FROM admin_users WHERE username = ?1)")
        .bind(1, username)
        .bind(2, name)
        .run();
    return conn->changes();
}

}  // namespace store::sqlite
