#pragma once
// The narrow port between the store engine (every business rule, written once) and a database
// backend (SQLite or PostgreSQL), after LevelDB's `Env`: the engine speaks only to these
// classes; a backend implements them with what genuinely differs — connections and their pool,
// the SQL dialect's few fragments, how a transaction is run (SQLite: one writer, group commit;
// PostgreSQL: deadlock retry), how new order ids are kept in commit order, and row locks.
//
// SQL in the engine uses `?N` parameters (PostgreSQL's connection rewrites them to `$N`) and
// the syntax both databases share; where PostgreSQL cannot infer a parameter's type the engine
// writes a standard `CAST(?N AS BIGINT)`, which SQLite reads too.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/Store.h"
#include "store/engine/Faults.h"

namespace store::engine {

// A constraint (UNIQUE, CHECK, FOREIGN KEY) refused a statement. Both backends throw a subclass.
struct ConstraintError : StoreError {
    using StoreError::StoreError;
};

// The database aborted the transaction for a deadlock or a serialization failure: running it
// again may succeed. Ports retry these themselves; the engine only sees one after the last try.
struct RetryableError : StoreError {
    using StoreError::StoreError;
};

// One prepared statement of the backend in use. Parameters are 1-based, columns 0-based.
class Cursor {
  public:
    virtual ~Cursor() = default;
    virtual void bind_int(int i, std::int64_t value) = 0;
    virtual void bind_real(int i, double value) = 0;
    virtual void bind_bool(int i, bool value) = 0;
    virtual void bind_text(int i, std::string_view text) = 0;
    virtual void bind_null(int i) = 0;
    // The first call executes; true while a row is available.
    virtual bool step() = 0;
    virtual std::int64_t affected() const = 0;        // rows changed by the INSERT/UPDATE/DELETE
    virtual std::int64_t integer(int col) const = 0;  // booleans read 0/1, NULL reads 0
    virtual double real(int col) const = 0;
    virtual bool is_null(int col) const = 0;
    virtual std::string_view text_view(int col) const = 0;  // valid until the next step
    virtual std::string sql() const = 0;                    // for error messages
};

// The engine's handle on a cursor: the fluent binding of both backends' statements.
class Statement {
  public:
    explicit Statement(std::unique_ptr<Cursor> cursor) : c_(std::move(cursor)) {}

    Statement& bind(int i, std::int64_t value) { return c_->bind_int(i, value), *this; }
    Statement& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
    Statement& bind(int i, bool value) { return c_->bind_bool(i, value), *this; }
    Statement& bind(int i, double value) { return c_->bind_real(i, value), *this; }
    Statement& bind(int i, std::string_view text) { return c_->bind_text(i, text), *this; }
    Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
    Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
    Statement& bind(int i, std::optional<std::int64_t> value) {
        return value ? bind(i, *value) : bind_null(i);
    }
    Statement& bind_null(int i) { return c_->bind_null(i), *this; }
    Statement& bind_or_null(int i, std::string_view text) {  // NULL for ""
        return text.empty() ? bind_null(i) : bind(i, text);
    }

    bool step() { return c_->step(); }
    void run() {
        while (step()) {
        }
    }
    // Runs a statement that must return a row and stays on it; StoreError otherwise.
    void step_row();
    std::int64_t affected() const { return c_->affected(); }

    std::int64_t integer(int col) const { return c_->integer(col); }
    double real(int col) const { return c_->real(col); }
    bool boolean(int col) const { return c_->integer(col) != 0; }
    bool is_null(int col) const { return c_->is_null(col); }
    std::optional<std::int64_t> optional_integer(int col) const {
        if (is_null(col)) return std::nullopt;
        return integer(col);
    }
    std::string text(int col) const { return std::string(c_->text_view(col)); }
    std::string_view text_view(int col) const { return c_->text_view(col); }

  private:
    std::unique_ptr<Cursor> c_;
};

enum class TxKind { Read, Write };

// A pooled connection of the backend (given back to the pool when destroyed). Outside a
// transaction every statement commits on its own.
class Connection {
  public:
    virtual ~Connection() = default;
    // The statement for `sql` (`?N` parameters), prepared once per connection.
    virtual Statement prepare(std::string_view sql) = 0;
    // Statements without parameters (SAVEPOINT ...).
    virtual void exec(const char* sql) = 0;
    // Read: one snapshot for every statement (SQLite BEGIN, PostgreSQL REPEATABLE READ READ
    // ONLY). Write: SQLite BEGIN IMMEDIATE (the write lock up front), PostgreSQL READ COMMITTED.
    virtual void begin(TxKind kind) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
};

// Rolls back unless committed.
class Transaction {
  public:
    Transaction(Connection& conn, TxKind kind) : conn_(conn) { conn_.begin(kind); }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (open_) conn_.rollback();
    }
    void commit() {
        open_ = false;
        conn_.commit();
    }

  private:
    Connection& conn_;
    bool open_ = true;
};

// The few SQL fragments that differ between the dialects. Each is a complete, safe fragment
// (no value is ever pasted in: values are bound parameters).
struct Dialect {
    virtual ~Dialect() = default;
    // A set of ids travels as one text parameter: ids(...) encodes it, in_ids(n) is the test
    // that follows a column ("<column> IN the set bound as ?n").
    virtual std::string ids(std::span<const Id> ids) const = 0;
    virtual std::string in_ids(int n) const = 0;
    // Appended to a SELECT whose rows the transaction is about to change ("" where the write
    // transaction is exclusive anyway).
    virtual const char* lock_rows() const = 0;
    // `haystack` (a column) contains the text bound as ?n, case-folded (bind it folded).
    virtual std::string contains_folded(std::string_view haystack, int n) const = 0;
    // `haystack` contains the text bound as ?n, as it is (a plain substring, no wildcards).
    virtual std::string contains(std::string_view haystack, int n) const = 0;
    // The same test on products.name_folded of the row `product` (an alias), answered by the
    // trigram index of the name (migrations 006: FTS5 / pg_trgm). Only for a text of at least
    // kTrigram characters: a shorter one has no trigram to look up (SQLite would find nothing).
    static constexpr std::size_t kTrigram = 3;
    virtual std::string name_contains_indexed(std::string_view product, int n) const = 0;
    // The ids (column "id") of the products whose name_folded contains the text bound as ?n, a
    // SELECT served by the same index and under the same condition, for counting and paging
    // matches without reading product rows.
    virtual std::string name_ids(int n) const = 0;
    // Appended to an expression so that it sorts by code point, never by a locale.
    virtual const char* by_code_point() const = 0;
    virtual const char* newline() const = 0;  // the SQL expression for "\n"
    // Grouping a day of journal entries by action (SQLite: "+action" keeps it off the index).
    virtual const char* journal_group_by_action() const = 0;
    // Admin usernames compare case-insensitively (the unique index agrees); the username is ?1.
    virtual const char* username_is() const = 0;
    virtual const char* users_order() const = 0;
    virtual const char* tokens_order() const = 0;
    // A column for the RETURNING list of an upsert: true when the row was inserted rather than
    // updated, or NULL where the database cannot tell (SQLite: its single writer knows anyway).
    virtual const char* upsert_inserted() const = 0;
};

// A set of rows read as a relation in SQL, so that writing many rows (an order's lines, a
// chunk of the import) is one statement whatever their number (SQLite: a temporary table the
// port fills row by row; PostgreSQL: one array parameter per column, read with unnest).
enum class ColumnType { Integer, Text, Real, Boolean };

class Rows {
  public:
    explicit Rows(std::vector<ColumnType> types) : types_(std::move(types)) {}
    const std::vector<ColumnType>& types() const { return types_; }
    std::size_t size() const { return count_; }
    // Values row by row, each row's in column order, each of its column's type.
    Rows& add(std::int64_t value);
    Rows& add(std::string_view text);
    Rows& add_real(double value);
    Rows& add_flag(bool value);
    Rows& add_null();
    Rows& add_optional(std::optional<std::int64_t> value) {
        return value ? add(*value) : add_null();
    }
    Rows& add_or_null(std::string_view text) { return text.empty() ? add_null() : add(text); }

    // The encoded values, one per cell (text or nullopt), row-major; for the ports. Integers
    // and reals as their shortest decimal text, flags as "1" / "0".
    const std::vector<std::optional<std::string>>& cells() const { return cells_; }

  private:
    void cell(std::optional<std::string> value);
    std::vector<ColumnType> types_;
    std::vector<std::optional<std::string>> cells_;
    std::size_t count_ = 0;
};

// How a write is run. Grouped writes (order adds, which arrive concurrently) may share a
// transaction with others (SQLite's group commit); each still keeps or undoes only its own.
// Bulk writes (the catalogue import) are long: SQLite gives them a bigger page cache.
enum class WriteKind { Single, Grouped, Bulk };

class Port {
  public:
    virtual ~Port() = default;
    virtual const Dialect& dialect() const = 0;

    // A connection of the pool (waits while all are busy; throws StoreError when the database
    // cannot be reached).
    virtual std::unique_ptr<Connection> acquire() = 0;

    // Runs `work` in one read snapshot (every statement sees the same state).
    void read(const std::function<void(Connection&)>& work);
    // Runs `work` in one write transaction: committed when it returns true, rolled back when it
    // returns false or throws. May run it more than once (a deadlock retry): `work` must not
    // keep state across runs.
    virtual void write(WriteKind kind, const std::function<bool(Connection&)>& work) = 0;

    // No skipped orders. OrdersGet pollers ask for "ids above the last one seen", so a poller
    // must never be shown an order while an order with a lower id can still appear. The two
    // calls below keep that promise together:
    // * before_new_order_id: called inside a write right before a new order row takes its id;
    // * settled_order_id: called by a reader before its snapshot (outside any transaction):
    //   every order id up to the answer is committed or will never exist, so a page that
    //   stops there skips nothing. nullopt: every id a later snapshot sees is settled.
    // SQLite's single writer commits ids in order (nothing to do, nullopt); PostgreSQL hands
    // out ids at INSERT and shows them at COMMIT in any order (see PgPort.cpp).
    virtual void before_new_order_id(Connection& conn) = 0;
    virtual std::optional<Id> settled_order_id() = 0;

    // A relation named `alias` with columns c0, c1, ... of `types` and the row's ordinal `n`
    // (for ORDER BY), for a FROM clause, its parameters starting at ?first; bind_rows gives it
    // `rows` (right before the statement runs). Its parameters come last in the statement
    // (PostgreSQL's take one per column, SQLite's one).
    virtual std::string rows_relation(Connection& conn, const std::vector<ColumnType>& types,
                                      int first, std::string_view alias) = 0;
    // Appended to a SELECT that reads the relation `alias`, so that its rows come in the
    // order they were added (an INSERT then hands out ids in that order): " ORDER BY alias.n",
    // or "" where the relation is read in order anyway (a sort would cost more than the rest).
    virtual std::string in_row_order(std::string_view alias) const = 0;
    virtual void bind_rows(Connection& conn, Statement& st, int first, const Rows& rows) = 0;

    // Planner statistics: how many rows `table` had at the last count (0 where unknown), and
    // counting `tables` (a comma-separated list) again inside a long write that grew them, so
    // that the statements after it are planned for their new size (PostgreSQL; SQLite plans
    // well without).
    virtual std::int64_t estimated_rows(Connection& conn, const char* table) = 0;
    virtual void refresh_statistics(Connection& conn, const char* tables) = 0;

    // Called between the transactions of a long series (an import's chunks) so that writers
    // waiting for the lock get it before the next one (SQLite: a short pause, as its lock is
    // not handed over in arrival order; PostgreSQL: nothing, its writers do not queue on one).
    virtual void let_others_write() {}

    // Failure injection for tests (engine/Faults.h); nullptr detaches.
    void inject(std::shared_ptr<Faults> faults) { faults_ = std::move(faults); }
    Faults* faults() const { return faults_.get(); }

    // The schema version of the database and the newest this program knows.
    virtual int schema_version() = 0;
    virtual int latest_schema_version() const = 0;

  private:
    std::shared_ptr<Faults> faults_;
};

// Typed helpers over Port::read / Port::write: `fn(conn)` returns the result (or nothing).
template <class Fn>
auto read(Port& port, Fn&& fn) {
    using R = std::invoke_result_t<Fn&, Connection&>;
    if constexpr (std::is_void_v<R>) {
        port.read([&](Connection& conn) { fn(conn); });
    } else {
        std::optional<R> result;
        port.read([&](Connection& conn) { result.emplace(fn(conn)); });
        return std::move(*result);
    }
}

// `keep(result)` says whether the changes stay (they are rolled back otherwise).
template <class Fn, class Keep>
auto write(Port& port, WriteKind kind, Fn&& fn, Keep&& keep) {
    std::optional<std::invoke_result_t<Fn&, Connection&>> result;
    port.write(kind, [&](Connection& conn) {
        result.reset();  // a retried run starts afresh
        result.emplace(fn(conn));
        return static_cast<bool>(keep(*result));
    });
    return std::move(*result);
}

// A write that keeps what `fn` wrote unless it throws.
template <class Fn>
auto write(Port& port, Fn&& fn) {
    using R = std::invoke_result_t<Fn&, Connection&>;
    if constexpr (std::is_void_v<R>) {
        port.write(WriteKind::Single, [&](Connection& conn) {
            fn(conn);
            return true;
        });
    } else {
        return write(port, WriteKind::Single, std::forward<Fn>(fn), [](const R&) { return true; });
    }
}

}  // namespace store::engine
