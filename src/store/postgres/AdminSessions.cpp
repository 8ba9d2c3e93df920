// Panel sessions (admin_sessions, migration 004), found by the hash of the cookie's token.
#include "store/postgres/Admins.h"

namespace store::postgres {

void PgAdmins::create_session(Id user_id, const std::string& token_hash,
                              const std::string& csrf_token, std::int64_t now,
                              std::int64_t expires_at) {
    auto conn = pool_.acquire();
    try {
        conn->prepare(
                "INSERT INTO admin_sessions (token_hash, user_id, csrf_token, created_at,"
                " last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)")
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

std::optional<AdminSession> PgAdmins::find_session(const std::string& token_hash,
                                                   std::int64_t now) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(
        "SELECT s.id, s.user_id, u.username, u.disabled, s.csrf_token, s.created_at,"
        " s.last_seen_at, s.expires_at FROM admin_sessions s"
        " JOIN admin_users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2");
    st.bind(1, token_hash).bind(2, now);
    if (!st.step()) return std::nullopt;
    AdminSession s;
    s.id = st.integer(0);
    s.user_id = st.integer(1);
    s.username = st.text(2);
    s.user_disabled = st.boolean(3);
    s.csrf_token = st.text(4);
    s.created_at = st.integer(5);
    s.last_seen_at = st.integer(6);
    s.expires_at = st.integer(7);
    return s;
}

void PgAdmins::touch_session(Id session_id, std::int64_t now) {
    auto conn = pool_.acquire();
    conn->prepare("UPDATE admin_sessions SET last_seen_at = $2 WHERE id = $1")
        .bind(1, session_id)
        .bind(2, now)
        .run();
}

void PgAdmins::delete_session(const std::string& token_hash) {
    auto conn = pool_.acquire();
    conn->prepare("DELETE FROM admin_sessions WHERE token_hash = $1").bind(1, token_hash).run();
}

std::int64_t PgAdmins::prune_sessions(std::int64_t now) {
    auto conn = pool_.acquire();
    auto st = conn->prepare("DELETE FROM admin_sessions WHERE expires_at <= $1");
    st.bind(1, now).run();
    return st.affected();
}

}  // namespace store::postgres
