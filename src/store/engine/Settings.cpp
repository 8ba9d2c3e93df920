#include "store/engine/Settings.h"

namespace store::engine {

StoredSettings Settings::load() {
    auto conn = port_.acquire();
    Transaction tx(*conn, TxKind::Read);  // the members and version of one save
    StoredSettings out;
    auto st = conn->prepare("SELECT key, value FROM settings WHERE key IN (?1, ?2)");
    st.bind(1, kPolicyKey).bind(2, kPasswordKey);
    while (st.step()) {
        std::string key = st.text(0);
        if (key == kPolicyKey)
            out.orders = decode_order_policy(st.text(1), kPolicyKey);
        else
            out.connector_password_sha256 = st.text(1);
    }
    out.version = read_version(*conn);
    tx.commit();
    return out;
}

void Settings::save(const StoredSettings& settings) {
    auto conn = port_.acquire();
    Transaction tx(*conn, TxKind::Write);
    // The version first, in one statement: on PostgreSQL its row lock orders concurrent
    // saves (the later one waits, then counts on from the earlier one's value), so no bump
    // is lost and the members of the last commit are the ones that stay. (SQLite's write
    // transaction is exclusive anyway.)
    conn->prepare(
            "INSERT INTO settings (key, value) VALUES (?1, '1')"
            " ON CONFLICT (key) DO UPDATE"
            " SET value = CAST(CAST(settings.value AS BIGINT) + 1 AS TEXT)")
        .bind(1, kVersionKey)
        .run();
    put(*conn, kPolicyKey,
        settings.orders ? std::optional(encode_order_policy(*settings.orders)) : std::nullopt);
    put(*conn, kPasswordKey, settings.connector_password_sha256);
    tx.commit();
}

std::int64_t Settings::version() {
    auto conn = port_.acquire();
    return read_version(*conn);
}

std::int64_t Settings::read_version(Connection& conn) {
    auto st = conn.prepare("SELECT CAST(value AS BIGINT) FROM settings WHERE key = ?1");
    st.bind(1, kVersionKey);
    return st.step() ? st.integer(0) : 0;
}

void Settings::put(Connection& conn, const char* key, const std::optional<std::string>& value) {
    if (!value) {
        conn.prepare("DELETE FROM settings WHERE key = ?1").bind(1, key).run();
        return;
    }
    conn.prepare(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, *value)
        .run();
}

}  // namespace store::engine
