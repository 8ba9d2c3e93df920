#include "store/engine/Admins.h"

namespace store::engine {
namespace {

bool user_exists(Connection& conn, Id user_id) {
    auto st = conn.prepare("SELECT 1 FROM admin_users WHERE id = ?1");
    st.bind(1, user_id);
    return st.step();
}

}  // namespace

core::Result<Id> Admins::create_user(const std::string& username,
                                     const std::string& password_hash) {
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "INSERT INTO admin_users (username, password_hash) VALUES (?1, ?2) RETURNING id");
    st.bind(1, username).bind(2, password_hash);
    try {
        st.step_row();
    } catch (const ConstraintError&) {
        // The unique index decides, so two concurrent add-user runs cannot both win.
        return core::Status::conflict("username", "admin user '" + username + "' already exists");
    }
    return finish_insert(st);
}

std::optional<AdminUser> Admins::find_user(const std::string& username) {
    const std::string sql =
        std::string("SELECT id, username, password_hash, disabled FROM admin_users WHERE ") +
        port_.dialect().username_is();
    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    st.bind(1, username);
    if (!st.step()) return std::nullopt;
    return AdminUser{st.integer(0), st.text(1), st.text(2), st.integer(3) != 0};
}

core::Result<Id> Admins::create_token(Id user_id, const std::string& name,
                                      const std::string& token_hash) {
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "INSERT INTO admin_tokens (user_id, name, token_hash) VALUES (?1, ?2, ?3)"
        " RETURNING id");
    st.bind(1, user_id).bind(2, name).bind(3, token_hash);
    try {
        st.step_row();
    } catch (const ConstraintError&) {
        // Either the user's foreign key or the token hash's unique index; only the first is the
        // caller's mistake worth naming.
        if (!user_exists(*conn, user_id)) {
            return core::Status::not_found("unknown admin user id " + std::to_string(user_id),
                                           "user_id");
        }
        return core::Status::conflict("token", "token hash already stored; draw a new token");
    }
    return finish_insert(st);
}

std::optional<AdminToken> Admins::find_token(const std::string& token_hash) {
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "SELECT t.id, t.user_id, t.name, t.revoked, u.disabled, u.username FROM admin_tokens t"
        " JOIN admin_users u ON u.id = t.user_id WHERE t.token_hash = ?1");
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return AdminToken{st.integer(0),      st.integer(1),      st.text(2),
                      st.integer(3) != 0, st.integer(4) != 0, st.text(5)};
}

std::vector<AdminUserInfo> Admins::list_users() {
    const std::string sql =
        std::string("SELECT id, username, disabled, created_at FROM admin_users ORDER BY ") +
        port_.dialect().users_order();
    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    std::vector<AdminUserInfo> users;
    while (st.step())
        users.push_back({st.integer(0), st.text(1), st.integer(2) != 0, st.integer(3)});
    return users;
}

std::vector<AdminTokenInfo> Admins::list_tokens() {
    const std::string sql =
        std::string(
            "SELECT t.id, u.username, t.name, t.revoked, t.created_at,"
            " COALESCE(t.last_used_at, 0)"
            " FROM admin_tokens t JOIN admin_users u ON u.id = t.user_id ORDER BY ") +
        port_.dialect().tokens_order();
    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    std::vector<AdminTokenInfo> tokens;
    while (st.step()) {
        tokens.push_back({st.integer(0), st.text(1), st.text(2), st.integer(3) != 0, st.integer(4),
                          st.integer(5)});
    }
    return tokens;
}

bool Admins::set_user_disabled(const std::string& username, bool disabled) {
    const std::string update =
        std::string("UPDATE admin_users SET disabled = ?2 WHERE ") + port_.dialect().username_is();
    const std::string sessions =
        std::string(
            "DELETE FROM admin_sessions WHERE user_id = (SELECT id FROM admin_users WHERE ") +
        port_.dialect().username_is() + ")";
    auto conn = port_.acquire();
    Transaction tx(*conn, TxKind::Write);
    auto st = conn->prepare(update);
    st.bind(1, username).bind(2, disabled).run();
    if (st.affected() == 0) return false;
    if (disabled) conn->prepare(sessions).bind(1, username).run();
    tx.commit();
    return true;
}

std::int64_t Admins::revoke_tokens(const std::string& username, const std::string& name) {
    // Tokens already revoked are not counted: 0 means nothing was left to revoke.
    const std::string sql =
        std::string(
            "UPDATE admin_tokens SET revoked = TRUE WHERE NOT revoked AND name = ?2 AND"
            " user_id = (SELECT id FROM admin_users WHERE ") +
        port_.dialect().username_is() + ")";
    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    st.bind(1, username).bind(2, name).run();
    return st.affected();
}

void Admins::touch_token(Id token_id, std::int64_t now) {
    auto conn = port_.acquire();
    conn->prepare("UPDATE admin_tokens SET last_used_at = ?2 WHERE id = ?1")
        .bind(1, token_id)
        .bind(2, now)
        .run();
}

void Admins::create_session(Id user_id, const std::string& token_hash,
                            const std::string& csrf_token, std::int64_t now,
                            std::int64_t expires_at) {
    auto conn = port_.acquire();
    try {
        conn->prepare(
                "INSERT INTO admin_sessions (token_hash, user_id, csrf_token, created_at,"
                " last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?4, ?5)")
            .bind(1, token_hash)
            .bind(2, user_id)
            .bind(3, csrf_token)
            .bind(4, now)
            .bind(5, expires_at)
            .run();
    } catch (const ConstraintError&) {
        throw StoreError("cannot add a session for admin user id " + std::to_string(user_id) +
                         ": unknown user or token hash already stored");
    }
}

std::optional<AdminSession> Admins::find_session(const std::string& token_hash, std::int64_t now) {
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "SELECT s.id, s.user_id, u.username, u.disabled, s.csrf_token, s.created_at,"
        " s.last_seen_at, s.expires_at FROM admin_sessions s JOIN admin_users u"
        " ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2");
    st.bind(1, token_hash).bind(2, now);
    if (!st.step()) return std::nullopt;
    AdminSession s;
    s.id = st.integer(0);
    s.user_id = st.integer(1);
    s.username = st.text(2);
    s.user_disabled = st.integer(3) != 0;  // a boolean reads as 0/1 on both backends
    s.csrf_token = st.text(4);
    s.created_at = st.integer(5);
    s.last_seen_at = st.integer(6);
    s.expires_at = st.integer(7);
    return s;
}

void Admins::touch_session(Id session_id, std::int64_t now) {
    auto conn = port_.acquire();
    conn->prepare("UPDATE admin_sessions SET last_seen_at = ?2 WHERE id = ?1")
        .bind(1, session_id)
        .bind(2, now)
        .run();
}

void Admins::delete_session(const std::string& token_hash) {
    auto conn = port_.acquire();
    conn->prepare("DELETE FROM admin_sessions WHERE token_hash = ?1").bind(1, token_hash).run();
}

std::int64_t Admins::prune_sessions(std::int64_t now) {
    auto conn = port_.acquire();
    auto st = conn->prepare("DELETE FROM admin_sessions WHERE expires_at <= ?1");
    st.bind(1, now).run();
    return st.affected();
}

Id Admins::finish_insert(Statement& st) {
    Id id = st.integer(0);
    st.run();
    return id;
}

}  // namespace store::engine
