#include "store/postgres/Migrations.h"

#include <algorithm>
#include <chrono>

#include "store/Migration.h"

namespace store::postgres {
namespace {

const char* const kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

// pg_advisory_lock key of the migration runner ("blcmigr" in ASCII): one per database.
constexpr std::int64_t kMigrationLock = 0x626c636d696772;

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

// Holds the session-level advisory lock for its lifetime. A process that dies while holding it
// loses its session, and the server releases the lock with it.
class MigrationLock {
  public:
    explicit MigrationLock(Connection& conn) : conn_(conn) {
        conn_.prepare("SELECT pg_advisory_lock($1::bigint)").bind(1, kMigrationLock).run();
    }
    ~MigrationLock() {
        try {
            conn_.prepare("SELECT pg_advisory_unlock($1::bigint)").bind(1, kMigrationLock).run();
        } catch (const StoreError&) {
            // The connection is gone, and with it the lock.
        }
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

  private:
    Connection& conn_;
};

void apply_one(Connection& conn, const Migration& m) {
    Transaction tx(conn, TxKind::Write);
    conn.exec(m.sql);
    conn.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
        .bind(1, m.version)
        .bind(2, m.name)
        .bind(3, now_seconds())
        .run();
    tx.commit();
}

}  // namespace

int latest_version() {
    int latest = 0;
    for (int i = 0; i < postgres_migrations_count; ++i)
        latest = std::max(latest, postgres_migrations[i].version);
    return latest;
}

int applied_version(Connection& conn) {
    auto exists = conn.prepare("SELECT to_regclass('schema_migrations') IS NOT NULL");
    exists.step_row();
    if (!exists.boolean(0)) return 0;
    auto max = conn.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    max.step_row();
    return static_cast<int>(max.integer(0));
}

void apply_pending(Connection& conn) {
    MigrationLock lock(conn);
    conn.exec(kCreateTable);
    int applied = applied_version(conn);
    throw_if_newer(applied);
    // Under the lock nobody else migrates: what is recorded is what is applied.
    for (int i = 0; i < postgres_migrations_count; ++i)
        if (postgres_migrations[i].version > applied) apply_one(conn, postgres_migrations[i]);
    throw_if_newer(applied_version(conn));
}

void require_current(Connection& conn, const std::string& location) {
    int version = applied_version(conn);
    throw_if_newer(version);
    if (version < latest_version())
        throw StoreError("database " + location + " has schema version " + std::to_string(version) +
                         ", this blconnect needs " + std::to_string(latest_version()) +
                         "; run blconnect init to upgrade");
}

}  // namespace store::postgres
