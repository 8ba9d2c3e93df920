-- Admin panel sessions (admin API): the cookie holds a random token, the database only its
-- hex SHA-256, so a copy of the file gives nobody a usable session.

CREATE TABLE admin_sessions (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES admin_users(id),
    -- Random; the panel echoes it in X-CSRF-Token on every change.
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX admin_sessions_expires ON admin_sessions(expires_at);
CREATE INDEX admin_sessions_user ON admin_sessions(user_id);
