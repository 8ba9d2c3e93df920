#pragma once
// The PostgreSQL side of the store engine's port (engine/Port.h): the connection pool (which
// survives server restarts), the dialect (ids as one bigint[] parameter, row locks), and the
// write runner, which runs a transaction again when PostgreSQL aborted it for a deadlock or a
// serialization failure. Several blconnect processes may share the database:
// * exactly once: UNIQUE(baselinker_id) decides (INSERT ... ON CONFLICT DO NOTHING);
// * no skipped orders: before_new_order_id takes a transaction advisory lock (see PgPort.cpp);
// * stock: rows locked in one global order (variants, then products, by id), deadlock retry.
#include <memory>
#include <string>

#include "store/engine/Port.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

enum class OpenMode { Init, Open };

class PgPort final : public engine::Port {
  public:
    // Init creates the database when it is missing (and the user may) and applies pending
    // migrations; Open refuses a missing database or a schema that is not exactly the current
    // one, with the messages of the SQLite backend.
    PgPort(const std::string& uri, const StoreOptions& options, OpenMode mode);

    const engine::Dialect& dialect() const override;
    std::unique_ptr<engine::Connection> acquire() override;
    void write(engine::WriteKind kind,
               const std::function<bool(engine::Connection&)>& work) override;
    void before_new_order_id(engine::Connection& conn) override;
    std::string rows_relation(const std::vector<engine::ColumnType>& types, int first,
                              std::string_view alias) const override;
    int rows_parameters(const std::vector<engine::ColumnType>& types) const override {
        return static_cast<int>(types.size());
    }
    void bind_rows(engine::Statement& st, int first, const engine::Rows& rows) const override;
    int schema_version() override;
    int latest_schema_version() const override;
    ImportSummary import(const ImportBatch& batch, ImportProgress progress,
                         void* progress_user) override;
    Id save_product(std::optional<Id> id, const ImportProduct& product) override;

    static constexpr int kWriteAttempts = 5;

  private:
    Pool pool_;
};

// The catalogue import on PostgreSQL (store/postgres/Import*.cpp).
ImportSummary import_catalog(Pool& pool, const ImportBatch& batch, ImportProgress progress,
                             void* progress_user);
Id save_product(Pool& pool, std::optional<Id> id, const ImportProduct& product);

}  // namespace store::postgres
