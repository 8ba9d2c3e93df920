#include "store/sqlite/SqliteStore.h"

#include <filesystem>

#include "store/sqlite/Migrations.h"

namespace store::sqlite {
namespace {

// Creates/migrates (Init) or checks (Open) the file before the pool opens connections to it;
// returns the path for the pool.
const std::string& prepare_file(const std::string& path, const StoreOptions& options,
                                OpenMode mode) {
    if (mode == OpenMode::Open) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            throw StoreError("database " + path + " does not exist; run `blconnect init --db " +
                             path + "`");
        Connection conn(path, SQLITE_OPEN_READWRITE, options.busy_timeout_ms);
        require_current(conn, path);
        return path;
    }
    Connection conn(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options.busy_timeout_ms);
    apply_pending(conn);
    return path;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path, const StoreOptions& options, OpenMode mode)
    : pool_((prepare_file(path, options, mode), path), options.pool_size, options.busy_timeout_ms),
      catalog_(pool_, options),
      lookups_(pool_),
      orders_(pool_),
      journal_(pool_),
      admins_(pool_),
      settings_(pool_) {}

int SqliteStore::schema_version() {
    auto conn = pool_.acquire();
    return applied_version(*conn);
}

int SqliteStore::latest_schema_version() const {
    return latest_version();
}

}  // namespace store::sqlite
