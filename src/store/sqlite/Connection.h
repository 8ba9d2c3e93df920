#pragma once
// A thin RAII layer over the raw sqlite3 API: one connection, its cache of prepared statements,
// statements that reset themselves, and transactions that roll back unless committed.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::sqlite {

// A constraint (UNIQUE, CHECK, FOREIGN KEY) failed; the import turns it into an ImportError.
struct ConstraintError : engine::ConstraintError {
    using engine::ConstraintError::ConstraintError;
};

[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view what);

// A cached prepared statement in use. Resets and clears its bindings when it goes out of scope,
// so the next user finds it fresh. Parameters are 1-based, columns 0-based.
class Statement {
  public:
    Statement(sqlite3_stmt* stmt, bool* in_use) : stmt_(stmt), in_use_(in_use) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int i, std::int64_t value);
    Statement& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
    Statement& bind(int i, bool value) { return bind(i, static_cast<std::int64_t>(value)); }
    Statement& bind(int i, double value);
    Statement& bind(int i, std::string_view text);
    Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
    Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
    Statement& bind_null(int i);
    // Binds NULL for an empty string (optional keys such as external ids).
    Statement& bind_or_null(int i, std::string_view text);
    Statement& bind(int i, std::optional<std::int64_t> value);

    bool step();  // true while a row is available
    void run();   // steps to completion (statements without rows)
    // Runs a statement that must return one row; throws StoreError otherwise.
    void step_row();
    // Rows changed by the INSERT/UPDATE/DELETE that just ran on this connection (the spelling
    // of postgres::Statement, so that code shared by both backends can ask either).
    std::int64_t affected() const { return sqlite3_changes64(sqlite3_db_handle(stmt_)); }

    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::string_view text_view(int col) const;  // valid until the next step
    const char* sql() const { return sqlite3_sql(stmt_); }

  private:
    void check_bind(int rc);
    sqlite3_stmt* stmt_;
    bool* in_use_;
};

class Connection {
  public:
    // Opens `path` (flags as sqlite3_open_v2) and applies the per-connection settings.
    Connection(const std::string& path, int flags, int busy_timeout_ms);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
    void exec(const char* sql);
    // The prepared statement for `sql`, compiled once per connection.
    Statement prepare(std::string_view sql);
    std::int64_t changes() const { return sqlite3_changes64(db_); }
    sqlite3* handle() { return db_; }

  private:
    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        std::unique_ptr<bool> in_use = std::make_unique<bool>(false);
    };
    // The busy handler: retries every millisecond until the timeout (SQLite's own sleeps up to
    // 100 ms between tries, and a waiter that sleeps that long misses the short gaps between an
    // import's chunks: it would time out behind a series of short transactions).
    static int on_busy(void* self, int tries);
    std::chrono::milliseconds busy_timeout_;
    std::chrono::steady_clock::time_point busy_since_;
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, Cached> cache_;
};

enum class TxKind { Read, Write };

// BEGIN (read snapshot) or BEGIN IMMEDIATE (takes the write lock up front, so a write
// transaction never fails half-way with SQLITE_BUSY); rolls back unless commit() was called.
class Transaction {
  public:
    Transaction(Connection& conn, TxKind kind);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

  private:
    Connection& conn_;
    bool open_ = true;
};

}  // namespace store::sqlite
