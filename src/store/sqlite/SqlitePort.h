#pragma once
// The SQLite side of the store engine's port (engine/Port.h): the connection pool, the dialect
// (ids as one JSON parameter, ICU case folding through blc_contains_folded), and the write
// runner. SQLite has one writer per file: this process's writers queue on a mutex rather than in
// SQLite's busy handler (whose sleep-based back-off would leave the lock idle under load); other
// processes are serialised by SQLite's own lock (BEGIN IMMEDIATE + busy timeout). Grouped writes
// (order adds) share one transaction and one fsync (GroupCommit). Bulk writes (the catalogue
// import) take SQLite's lock through the busy timeout like another process would, with a large
// page cache. Ids commit in order by themselves, so before_new_order_id has nothing to do.
#include <memory>
#include <mutex>
#include <string>

#include "store/engine/Port.h"
#include "store/sqlite/GroupCommit.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

enum class OpenMode { Init, Open };

class SqlitePort final : public engine::Port {
  public:
    // Init creates the file and applies pending migrations; Open refuses a missing file or a
    // schema that is not exactly the current one.
    SqlitePort(const std::string& path, const StoreOptions& options, OpenMode mode);

    const engine::Dialect& dialect() const override;
    std::unique_ptr<engine::Connection> acquire() override;
    void write(engine::WriteKind kind,
               const std::function<bool(engine::Connection&)>& work) override;
    void let_others_write() override;
    void before_new_order_id(engine::Connection&) override {}
    std::optional<Id> settled_order_id() override { return std::nullopt; }
    // A set of rows is a temporary table (one per parameter slot and column types, in the
    // connection's memory), filled row by row: as fast as a loop of prepared INSERTs.
    std::string rows_relation(engine::Connection& conn,
                              const std::vector<engine::ColumnType>& types, int first,
                              std::string_view alias) override;
    // The table is read in its primary key order, and an INSERT ... SELECT inserts in that order.
    std::string in_row_order(std::string_view) const override { return ""; }
    void bind_rows(engine::Connection& conn, engine::Statement& st, int first,
                   const engine::Rows& rows) override;
    int schema_version() override;
    int latest_schema_version() const override;
    std::int64_t estimated_rows(engine::Connection&, const char*) override { return 0; }
    void refresh_statistics(engine::Connection&, const char*) override {}

    // The group commit of grouped writes; tests hold a batch open with it to fill the next one.
    GroupCommit& group_commit() { return grouped_; }

  private:
    Pool pool_;
    std::mutex write_mutex_;
    GroupCommit grouped_;
};

// The engine's connection over a SQLite connection: owning a pool lease, or borrowing a
// connection whose transaction someone else runs (GroupCommit).
class Session final : public engine::Connection {
  public:
    Session(Pool::Lease lease, engine::Faults* faults)
        : lease_(std::move(lease)), conn_(&**lease_), faults_(faults) {}
    Session(sqlite::Connection& conn, engine::Faults* faults) : conn_(&conn), faults_(faults) {}
    engine::Statement prepare(std::string_view sql) override;
    void exec(const char* sql) override { conn_->exec(sql); }
    void begin(engine::TxKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    sqlite::Connection& raw() { return *conn_; }

  private:
    std::optional<Pool::Lease> lease_;
    sqlite::Connection* conn_;
    engine::Faults* faults_;
};

}  // namespace store::sqlite
