// Run-time settings as rows of the key/value table `settings`: the order policy as one JSON
// text, the connector password's hash, and a version counter that every save bumps.
#include "store/sqlite/Settings.h"

#include "store/PolicyText.h"

namespace store::sqlite {
namespace {

constexpr const char* kPolicyKey = "orders.policy";
constexpr const char* kPasswordKey = "connector.password_sha256";
constexpr const char* kVersionKey = "version";

std::int64_t read_version(Connection& conn) {
    auto st = conn.prepare("SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?1");
    st.bind(1, kVersionKey);
    return st.step() ? st.integer(0) : 0;
}

void put(Connection& conn, const char* key, const std::optional<std::string>& value) {
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

}  // namespace

StoredSettings SqliteSettings::load() {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // the members and the version of one save
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

void SqliteSettings::save(const StoredSettings& settings) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Write);
    put(*conn, kPolicyKey,
        settings.orders ? std::optional(encode_order_policy(*settings.orders)) : std::nullopt);
    put(*conn, kPasswordKey, settings.connector_password_sha256);
    put(*conn, kVersionKey, std::to_string(read_version(*conn) + 1));
    tx.commit();
}

std::int64_t SqliteSettings::version() {
    auto conn = pool_.acquire();
    return read_version(*conn);
}

}  // namespace store::sqlite
