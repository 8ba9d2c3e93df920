-- Admin credentials (issue 5): staff users with Argon2id password hashes and API tokens of which
-- only a hash is kept, so a copy of the database file gives nobody a usable credential.

CREATE TABLE admin_users (
    id            INTEGER PRIMARY KEY,
    -- NOCASE: "Anna" and "anna" are one login (usernames are ASCII, see admin/Credentials).
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- libsodium crypto_pwhash_str output: "$argon2id$v=19$m=...,t=...,p=1$salt$hash".
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL DEFAULT (unixepoch()),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

CREATE TABLE admin_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    -- Hex SHA-256 of the token. A token carries 256 random bits, so a fast hash is enough and
    -- lets a bearer token be found by an indexed lookup; the token itself is never stored.
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES admin_users(id),
    created_at   INTEGER NOT NULL DEFAULT (unixepoch()),
    last_used_at INTEGER,
    revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;
CREATE INDEX admin_tokens_user ON admin_tokens(user_id);
