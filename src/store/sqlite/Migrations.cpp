#include "store/sqlite/Migrations.h"

#include <chrono>

#include "store/Migration.h"

namespace store::sqlite {
namespace {

const char* const kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT";

std::int64_t now_seconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

void throw_if_newer(int version) {
    if (version > latest_version())
        throw StoreError("database schema version " + std::to_string(version) +
                         " is newer than this blconnect (" + std::to_string(latest_version()) +
                         "); upgrade blconnect");
}

void apply_one(Connection& conn, const Migration& m) {
    Transaction tx(conn, TxKind::Write);
    // Another process may have applied it while we waited for the write lock.
    if (applied_version(conn) >= m.version) return;
    conn.exec(m.sql);
    conn.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)")
        .bind(1, m.version)
        .bind(2, m.name)
        .bind(3, now_seconds())
        .run();
    tx.commit();
}

}  // namespace

int latest_version() {
    int latest = 0;
    for (int i = 0; i < sqlite_migrations_count; ++i)
        latest = std::max(latest, sqlite_migrations[i].version);
    return latest;
}

int applied_version(Connection& conn) {
    auto exists = conn.prepare(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
    if (!exists.step()) return 0;
    auto max = conn.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    max.step_row();
    return static_cast<int>(max.integer(0));
}

void apply_pending(Connection& conn) {
    conn.exec("PRAGMA journal_mode = WAL");
    conn.exec(kCreateTable);
    throw_if_newer(applied_version(conn));
    for (int i = 0; i < sqlite_migrations_count; ++i) apply_one(conn, sqlite_migrations[i]);
    throw_if_newer(applied_version(conn));
}

void require_current(Connection& conn, const std::string& path) {
    int version = applied_version(conn);
    throw_if_newer(version);
    if (version < latest_version())
        throw StoreError("database " + path + " has schema version " + std::to_string(version) +
                         ", this blconnect needs " + std::to_string(latest_version()) +
                         "; run blconnect init to upgrade");
}

}  // namespace store::sqlite
