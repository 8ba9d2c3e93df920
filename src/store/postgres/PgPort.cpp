#include "store/postgres/PgPort.h"

#include <libpq-fe.h>

#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include "store/engine/CursorOver.h"
#include "store/postgres/Arrays.h"
#include "store/postgres/Migrations.h"
#include "store/postgres/Uri.h"

namespace store::postgres {
namespace {

class Session final : public engine::Connection {
  public:
    Session(Pool::Lease lease, engine::Faults* faults)
        : lease_(std::move(lease)), faults_(faults) {}
    engine::Statement prepare(std::string_view sql) override {
        if (faults_) faults_->before_statement(sql, *this);
        return engine::prepare_over<Statement>(*lease_, sql);
    }
    void exec(const char* sql) override { lease_->exec(sql); }
    void begin(engine::TxKind kind) override {
        if (kind == engine::TxKind::Read)
            lease_->exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        else if (generic_plans_)  // one round trip for both
            lease_->exec(
                "BEGIN ISOLATION LEVEL READ COMMITTED;"
                " SET LOCAL plan_cache_mode = force_generic_plan");
        else
            lease_->exec("BEGIN ISOLATION LEVEL READ COMMITTED");
    }
    // Grouped writes (order adds) are all point look-ups and small row sets by key: the plan of
    // a prepared statement is the same whatever the values, so it is planned once per
    // connection instead of at every execution. PostgreSQL would otherwise keep planning
    // statements over `unnest` of an array again each time (its generic estimate of 10 rows
    // differs from the custom one): 357 -> 489 OrderAdds/s sequentially here.
    void use_generic_plans() { generic_plans_ = true; }
    void commit() override {
        if (faults_) faults_->before_commit(*this);
        pg_result* result = PQexec(lease_->handle(), "COMMIT");
        ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK) throw_result_error(result, lease_->handle(), "COMMIT");
        // COMMIT of a transaction that an earlier error aborted "succeeds" as a ROLLBACK.
        const bool rolled_back = std::strcmp(PQcmdStatus(result), "ROLLBACK") == 0;
        PQclear(result);
        if (rolled_back)
            throw StoreError(
                "postgres: COMMIT: the transaction was rolled back by an earlier error");
    }
    void rollback() noexcept override {
        try {
            lease_->exec("ROLLBACK");
        } catch (const StoreError&) {
            // The connection is gone; the pool drops it when it comes back.
        }
    }

  private:
    Pool::Lease lease_;
    engine::Faults* faults_;
    bool generic_plans_ = false;
};

struct PgDialect final : engine::Dialect {
    std::string ids(std::span<const Id> ids) const override { return int_array(ids); }
    std::string in_ids(int n) const override {
        return " = ANY(CAST(?" + std::to_string(n) + " AS BIGINT[]))";
    }
    const char* lock_rows() const override { return " FOR NO KEY UPDATE"; }
    std::string contains_folded(std::string_view haystack, int n) const override {
        return "strpos(lower(" + std::string(haystack) + "), lower(CAST(?" + std::to_string(n) +
               " AS TEXT))) > 0";
    }
    std::string contains(std::string_view haystack, int n) const override {
        return "strpos(" + std::string(haystack) + ", CAST(?" + std::to_string(n) +
               " AS TEXT)) > 0";
    }
    // LIKE is what a pg_trgm index serves (strpos is not). The text's own backslashes, '%' and
    // '_' are escaped (LIKE's default escape is the backslash) so that they stay plain
    // characters; E'' literals mean the same whatever standard_conforming_strings says.
    // The trigram index is on product_names (migrations/postgres/006_name_search.sql).
    std::string name_contains_indexed(std::string_view product, int n) const override {
        return std::string(product) + ".id IN (" + name_ids(n) + ")";
    }
    std::string name_ids(int n) const override {
        return "SELECT id FROM product_names WHERE name_folded LIKE "
               R"('%' || replace(replace(replace(CAST(?)" +
               std::to_string(n) +
               R"( AS TEXT), E'\\', E'\\\\'), '%', E'\\%'), '_', E'\\_') || '%')";
    }
    // Code point order, as SQLite: never the database's locale collation.
    const char* by_code_point() const override { return " COLLATE \"C\""; }
    const char* newline() const override { return "chr(10)"; }
    const char* journal_group_by_action() const override { return "action"; }
    // lower(username) is what the unique index admin_users_username covers. The orders are
    // SQLite's whatever collation the database was created with: user names case-insensitively
    // (its NOCASE), token names by bytes (its BINARY).
    const char* username_is() const override { return "lower(username) = lower(CAST(?1 AS TEXT))"; }
    const char* users_order() const override { return "lower(username) COLLATE \"C\", id"; }
    const char* tokens_order() const override {
        return "lower(u.username) COLLATE \"C\", t.name COLLATE \"C\", t.id";
    }
    // xmax is 0 on a row version that an INSERT created.
    const char* upsert_inserted() const override { return "xmax = 0"; }
};

const PgDialect kDialect;

const char* array_type(engine::ColumnType type) {
    switch (type) {
        case engine::ColumnType::Integer:
            return "BIGINT[]";
        case engine::ColumnType::Real:
            return "FLOAT8[]";
        case engine::ColumnType::Boolean:
            return "BOOLEAN[]";
        case engine::ColumnType::Text:
            break;
    }
    return "TEXT[]";
}

// No skipped orders. A poller asks for id > the last id it saw, so it must never be shown an
// order while a lower id can still appear. PostgreSQL hands out identity values at INSERT and
// makes them visible at COMMIT, in whatever order the transactions finish: id 11 may commit
// while id 10 is still in flight, and a poller that saw 11 would never ask for 10.
// * Every transaction that creates an order takes this advisory lock in SHARED mode before it
//   takes its id, and keeps it until its COMMIT. Creators never wait for each other.
// * A reader first takes the lock EXCLUSIVELY in a short transaction of its own: that waits
//   until every creator in flight has committed or rolled back (creators that arrive meanwhile
//   queue behind the reader: PostgreSQL grants locks in order), then reads the last id handed
//   out and lets go. Every id up to that one is committed or gone for good, so a snapshot taken
//   afterwards that stops there skips nothing; higher ids wait for the next poll.
// The lock is held for the time of one statement, and waited for as long as the adds in
// flight take to commit (milliseconds). An add that is itself stuck (waiting for stock rows a
// long transaction holds) must not stall the pollers, nor the adds queued behind them: the
// reader waits at most kSettleWait, then uses the last id it found settled before (an id once
// settled stays settled): the page is only less fresh. One fixed key ("blcOrder" in ASCII)
// serves every process on the database.
constexpr std::int64_t kOrderIdLock = 0x626C634F72646572;
constexpr const char* kSettleWait = "SET LOCAL lock_timeout = '500ms'";

// A short random pause that grows with the attempt, so that retries do not collide again.
void back_off(int attempt) {
    thread_local std::minstd_rand random(std::random_device{}());
    std::uniform_int_distribution<int> ms(1, 5 * attempt);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
}

// A connection to the server's maintenance database answers whether `uri`'s database exists:
// true/false, nullopt when even that cannot be asked (server down, no such role...).
std::optional<bool> database_exists(const std::string& uri) {
    std::string name = database_of(uri);
    if (name.empty()) return std::nullopt;
    try {
        Connection maintenance(uri, "postgres");
        auto st = maintenance.prepare("SELECT 1 FROM pg_database WHERE datname = $1");
        st.bind(1, name);
        return st.step();
    } catch (const StoreError&) {
        return std::nullopt;
    }
}

// CREATE DATABASE for init on a fresh server. Another process may create it at the same time:
// what counts is that it exists afterwards.
void create_database(const std::string& uri) {
    std::string name = database_of(uri);
    Connection maintenance(uri, "postgres");
    auto quoted = maintenance.quote_identifier(name);
    try {
        maintenance.exec(("CREATE DATABASE " + quoted).c_str());
    } catch (const StoreError&) {
        if (database_exists(uri) != true) throw;
    }
}

// Creates/migrates (Init) or checks (Open) the database before the pool connects to it.
const std::string& prepare_database(const std::string& uri, OpenMode mode) {
    const std::string shown = redact_uri(uri);
    std::unique_ptr<Connection> conn;
    try {
        conn = std::make_unique<Connection>(uri);
    } catch (const StoreError&) {
        if (database_exists(uri) != false) throw;
        if (mode == OpenMode::Open)
            throw StoreError("database " + shown + " does not exist; run `blconnect init --db " +
                             shown + "`");
        create_database(uri);
        conn = std::make_unique<Connection>(uri);
    }
    if (mode == OpenMode::Open)
        require_current(*conn, shown);
    else
        apply_pending(*conn);
    return uri;
}

}  // namespace

PgPort::PgPort(const std::string& uri, const StoreOptions& options, OpenMode mode)
    : pool_(prepare_database(uri, mode), options.pool_size) {}

const engine::Dialect& PgPort::dialect() const {
    return kDialect;
}

std::unique_ptr<engine::Connection> PgPort::acquire() {
    return std::make_unique<Session>(pool_.acquire(), faults());
}

// Runs `work` on a fresh transaction again when PostgreSQL aborted it for a deadlock or a
// serialization failure: another transaction took the same rows in another order (a catalogue
// import, a stock update in another process). Grouped writes need no grouping here:
// PostgreSQL commits concurrent transactions together by itself; they run with generic plans.
void PgPort::write(engine::WriteKind kind, const std::function<bool(engine::Connection&)>& work) {
    for (int attempt = 1;; ++attempt) {
        try {
            Session session(pool_.acquire(), faults());
            if (kind == engine::WriteKind::Grouped) session.use_generic_plans();
            engine::Transaction tx(session, engine::TxKind::Write);
            if (work(session)) tx.commit();
            return;
        } catch (const engine::RetryableError&) {
            if (attempt == kWriteAttempts) throw;
        }
        back_off(attempt);
    }
}

void PgPort::before_new_order_id(engine::Connection& conn) {
    conn.prepare("SELECT pg_advisory_xact_lock_shared(?1)").bind(1, kOrderIdLock).run();
}

std::optional<Id> PgPort::settled_order_id() {
    Session session(pool_.acquire(), faults());
    try {
        engine::Transaction tx(session, engine::TxKind::Write);
        session.exec(kSettleWait);
        session.prepare("SELECT pg_advisory_xact_lock(?1)").bind(1, kOrderIdLock).run();
        // NULL before the first id was handed out: nothing is settled above 0.
        auto st = session.prepare(
            "SELECT COALESCE(pg_sequence_last_value(CAST(pg_get_serial_sequence('orders', 'id')"
            " AS regclass)), 0)");
        st.step_row();
        const Id settled = st.integer(0);
        tx.commit();
        Id seen = last_settled_.load();
        while (seen < settled && !last_settled_.compare_exchange_weak(seen, settled)) {
        }
        return settled;
    } catch (const StoreError&) {
        // The wait ran out (or the database is gone: the read that follows will say so).
        return last_settled_.load();
    }
}

std::string PgPort::rows_relation(engine::Connection&, const std::vector<engine::ColumnType>& types,
                                  int first, std::string_view alias) {
    std::string sql = "unnest(";
    std::string names;
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i > 0) sql += ", ", names += ", ";
        sql += "CAST(?" + std::to_string(first + static_cast<int>(i)) + " AS " +
               array_type(types[i]) + ")";
        names += "c" + std::to_string(i);
    }
    return sql + ") WITH ORDINALITY AS " + std::string(alias) + "(" + names + ", n)";
}

void PgPort::bind_rows(engine::Connection&, engine::Statement& st, int first,
                       const engine::Rows& rows) {
    const std::size_t width = rows.types().size();
    std::vector<ArrayBuilder> columns(width);
    const auto& cells = rows.cells();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        ArrayBuilder& column = columns[i % width];
        // Quoted either way: bigint[] reads "12" as 12.
        if (cells[i])
            column.add(std::string_view(*cells[i]));  // flags "1"/"0" read as booleans
        else
            column.add_null();
    }
    for (std::size_t c = 0; c < width; ++c) st.bind(first + static_cast<int>(c), columns[c].str());
}

int PgPort::schema_version() {
    auto conn = pool_.acquire();
    return applied_version(*conn);
}

int PgPort::latest_schema_version() const {
    return latest_version();
}

std::int64_t PgPort::estimated_rows(engine::Connection& conn, const char* table) {
    auto st = conn.prepare(
        "SELECT CAST(GREATEST(reltuples, 0) AS BIGINT) FROM pg_class"
        " WHERE oid = CAST(CAST(?1 AS TEXT) AS regclass)");
    st.bind(1, table);
    return st.step() ? st.integer(0) : 0;
}

// ANALYZE inside the transaction counts its own new rows and invalidates the plans cached on
// the connection (made while the tables were small).
void PgPort::refresh_statistics(engine::Connection& conn, const char* tables) {
    conn.exec(("ANALYZE " + std::string(tables)).c_str());
}

}  // namespace store::postgres
