#include "store/sqlite/Connection.h"

#include <string>
#include <thread>

#include "store/sqlite/TextFunctions.h"

namespace store::sqlite {

void throw_error(sqlite3* db, int rc, std::string_view what) {
    std::string message = "sqlite: " + std::string(what) + ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
    throw StoreError(message);
}

Statement::~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
}

void Statement::check_bind(int rc) {
    if (rc != SQLITE_OK) throw_error(sqlite3_db_handle(stmt_), rc, "bind");
}

Statement& Statement::bind(int i, std::int64_t value) {
    check_bind(sqlite3_bind_int64(stmt_, i, value));
    return *this;
}

Statement& Statement::bind(int i, double value) {
    check_bind(sqlite3_bind_double(stmt_, i, value));
    return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
    // SQLITE_TRANSIENT copies: callers may bind temporaries.
    check_bind(
        sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind_null(int i) {
    check_bind(sqlite3_bind_null(stmt_, i));
    return *this;
}

Statement& Statement::bind_or_null(int i, std::string_view text) {
    return text.empty() ? bind_null(i) : bind(i, text);
}

Statement& Statement::bind(int i, std::optional<std::int64_t> value) {
    return value ? bind(i, *value) : bind_null(i);
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // sqlite3_step's own code is the generic one; the extended code says which constraint.
    sqlite3* db = sqlite3_db_handle(stmt_);
    throw_error(db, sqlite3_extended_errcode(db), sqlite3_sql(stmt_));
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::step_row() {
    if (!step()) throw StoreError(std::string("sqlite: no row from ") + sqlite3_sql(stmt_));
}

std::string Statement::text(int col) const {
    return std::string(text_view(col));
}

std::string_view Statement::text_view(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

int Connection::on_busy(void* self, int tries) {
    auto& conn = *static_cast<Connection*>(self);
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0) conn.busy_since_ = now;
    if (now - conn.busy_since_ >= conn.busy_timeout_) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 1;
}

Connection::Connection(const std::string& path, int flags, int busy_timeout_ms)
    : busy_timeout_(busy_timeout_ms) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreError("sqlite: cannot open " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_handler(db_, &Connection::on_busy, this);
    // FULL: a committed order must survive a power loss, WAL or not.
    // temp_store MEMORY: statement journals of multi-row writes stay off the disk.
    exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
    register_text_functions(db_);
}

Connection::~Connection() {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
    sqlite3_close_v2(db_);
}

void Connection::exec(const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc == SQLITE_OK) return;
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw StoreError("sqlite: " + message);
}

Statement Connection::prepare(std::string_view sql) {
    auto [it, inserted] = cache_.try_emplace(std::string(sql));
    Cached& cached = it->second;
    if (inserted) {
        int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &cached.stmt, nullptr);
        if (rc != SQLITE_OK) {
            cache_.erase(it);
            throw_error(db_, rc, "prepare");
        }
    }
    if (*cached.in_use) throw StoreError("sqlite: statement used twice at once: " + it->first);
    *cached.in_use = true;
    return Statement(cached.stmt, cached.in_use.get());
}

Transaction::Transaction(Connection& conn, TxKind kind) : conn_(conn) {
    conn_.exec(kind == TxKind::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        conn_.exec("ROLLBACK");
    } catch (const StoreError&) {
        // The transaction may already be rolled back by SQLite itself (e.g. after SQLITE_FULL).
    }
}

void Transaction::commit() {
    conn_.exec("COMMIT");
    open_ = false;
}

}  // namespace store::sqlite
