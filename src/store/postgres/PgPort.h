#pragma once
// The PostgreSQL side of the store engine's port (engine/Port.h): the connection pool (which
// survives server restarts), the dialect (ids as one bigint[] parameter, row locks), and the
// write runner, which runs a transaction again when PostgreSQL aborted it for a deadlock or a
// serialization failure. Several blconnect processes may share the database:
// * exactly once: UNIQUE(baselinker_id) decides (INSERT ... ON CONFLICT DO NOTHING);
// * no skipped orders: creators take a shared advisory lock, readers wait for the creators in
//   flight before they read (settled_order_id, see PgPort.cpp);
// * stock: rows locked in one global order (variants, then products, by id), deadlock retry.
#include <atomic>
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
    std::optional<Id> settled_order_id() override;
    std::string rows_relation(engine::Connection& conn,
                              const std::vector<engine::ColumnType>& types, int first,
                              std::string_view alias) override;
    void bind_rows(engine::Connection& conn, engine::Statement& st, int first,
                   const engine::Rows& rows) override;
    std::string in_row_order(std::string_view alias) const override {
        return " ORDER BY " + std::string(alias) + ".n";
    }
    int schema_version() override;
    int latest_schema_version() const override;
    std::int64_t estimated_rows(engine::Connection& conn, const char* table) override;
    void refresh_statistics(engine::Connection& conn, const char* tables) override;

    static constexpr int kWriteAttempts = 5;

  private:
    Pool pool_;
    std::atomic<Id> last_settled_{0};  // the highest id settled_order_id has found settled
};

}  // namespace store::postgres
