#pragma once
// A thin RAII layer over libpq with the same shape as store/sqlite/Connection.h, so that the
// two backends read alike: one connection, its prepared statements (prepared once per
// connection, by SQL text), statements whose parameters are `$1, $2...` (1-based, sent as text
// with the type PostgreSQL infers; add a cast such as `$1::bigint` where it cannot), rows read
// by 0-based column, and transactions that roll back unless committed.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/Store.h"
#include "store/engine/Port.h"

struct pg_conn;
struct pg_result;

namespace store::postgres {

// A constraint failed (SQLSTATE class 23: unique, check, foreign key); `sqlstate` says which.
struct ConstraintError : engine::ConstraintError {
    ConstraintError(const std::string& what, std::string sqlstate, std::string constraint)
        : engine::ConstraintError(what),
          sqlstate(std::move(sqlstate)),
          constraint(std::move(constraint)) {}
    std::string sqlstate;    // "23505" unique_violation...
    std::string constraint;  // the constraint's name when the server reports it
};

// Serialization failure or deadlock (SQLSTATE 40001 / 40P01): the transaction may be retried.
struct RetryableError : engine::RetryableError {
    using engine::RetryableError::RetryableError;
};

class Connection;

class Statement {
  public:
    Statement(Connection& conn, std::string name);
    Statement(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int i, std::int64_t value);
    Statement& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
    Statement& bind(int i, bool value);
    Statement& bind(int i, double value);
    Statement& bind(int i, std::string_view text);
    Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
    Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
    Statement& bind_null(int i);
    Statement& bind_or_null(int i, std::string_view text);  // NULL for ""
    Statement& bind(int i, std::optional<std::int64_t> value);

    // The first call executes the statement; true while a row is available.
    bool step();
    void run();  // executes (statements without rows)
    // Executes a statement that must return one row and positions on it; StoreError otherwise.
    void step_row();
    std::int64_t affected() const;  // rows changed by an INSERT/UPDATE/DELETE that ran

    std::int64_t integer(int col) const;  // NULL reads as 0
    double real(int col) const;
    bool boolean(int col) const;  // 't' / 'f'
    bool is_null(int col) const;
    std::string text(int col) const;
    std::string_view text_view(int col) const;  // valid until the statement is destroyed
    std::string sql() const;                    // the SQL text, for error messages

  private:
    void execute();
    Connection* conn_;
    std::string name_;
    std::vector<std::optional<std::string>> params_;
    pg_result* result_ = nullptr;
    int row_ = -1;
    bool executed_ = false;
};

class Connection {
  public:
    // Connects with a libpq URI ("postgresql://user@host:port/db"). Throws StoreError naming
    // the host and the server's reason (never the password) when it cannot. A non-empty
    // `database` replaces the URI's database (init's maintenance connection to "postgres").
    explicit Connection(const std::string& uri, const std::string& database = "");
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Runs one or more statements without parameters (schema, BEGIN/COMMIT).
    void exec(const char* sql);
    // The statement for `sql`, prepared on this connection the first time it is used. SQLite's
    // `?N` parameters are accepted too (Placeholders.h): SQL shared with the SQLite backend is
    // written once (store/engine/).
    Statement prepare(std::string_view sql);
    // False after the server went away; the pool then replaces the connection.
    bool healthy() const;
    // True outside a transaction (the pool drops a connection returned in the middle of one).
    bool idle() const;
    // `name` as a quoted SQL identifier (PQescapeIdentifier), for the few statements that take
    // a name rather than a value (CREATE DATABASE).
    std::string quote_identifier(std::string_view name);
    pg_conn* handle() { return conn_; }

  private:
    friend class Statement;
    std::string sql_of(const std::string& name) const;  // for error messages
    pg_conn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// Throws the StoreError subclass that matches the result's SQLSTATE (ConstraintError,
// RetryableError, StoreError), with `what` and the server's message. Takes ownership of
// `result` (PQclear): nothing can clear it after this call.
[[noreturn]] void throw_result_error(pg_result* result, pg_conn* conn, std::string_view what);

enum class TxKind { Read, Write };

// Write: BEGIN (READ COMMITTED). Read: BEGIN REPEATABLE READ READ ONLY, so that every statement
// of it sees one snapshot as in SQLite (a read-only transaction never fails to serialize).
// Rolls back unless commit() was called; commit() throws StoreError when an earlier error had
// aborted the transaction (PostgreSQL then answers COMMIT with ROLLBACK).
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

}  // namespace store::postgres
