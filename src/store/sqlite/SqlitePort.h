#pragma once
// The SQLite side of the store engine's port (engine/Port.h): the connection pool, the dialect
// (ids as one JSON parameter, ICU case folding through blc_contains_folded), and the write
// runner. SQLite has one writer per file: this process's writers queue on a mutex rather than in
// SQLite's busy handler (whose sleep-based back-off would leave the lock idle under load); other
// processes are serialised by SQLite's own lock (BEGIN IMMEDIATE + busy timeout). Grouped writes
// (order adds) share one transaction and one fsync (GroupCommit). Ids commit in order by
// themselves, so before_new_order_id has nothing to do.
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
    void before_new_order_id(engine::Connection&) override {}
    std::string rows_relation(const std::vector<engine::ColumnType>& types, int first,
                              std::string_view alias) const override;
    int rows_parameters(const std::vector<engine::ColumnType>&) const override { return 1; }
    void bind_rows(engine::Statement& st, int first, const engine::Rows& rows) const override;
    int schema_version() override;
    int latest_schema_version() const override;
    ImportSummary import(const ImportBatch& batch, ImportProgress progress,
                         void* progress_user) override;
    Id save_product(std::optional<Id> id, const ImportProduct& product) override;

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
    explicit Session(Pool::Lease lease) : lease_(std::move(lease)), conn_(&**lease_) {}
    explicit Session(sqlite::Connection& conn) : conn_(&conn) {}
    engine::Statement prepare(std::string_view sql) override;
    void exec(const char* sql) override { conn_->exec(sql); }
    void begin(engine::TxKind kind) override;
    void commit() override { conn_->exec("COMMIT"); }
    void rollback() noexcept override;

  private:
    std::optional<Pool::Lease> lease_;
    sqlite::Connection* conn_;
};

// The catalogue import on SQLite (store/sqlite/Import.cpp).
ImportSummary import_catalog(Pool& pool, const ImportBatch& batch, ImportProgress progress,
                             void* progress_user);
Id save_product(Pool& pool, std::optional<Id> id, const ImportProduct& product);

}  // namespace store::sqlite
