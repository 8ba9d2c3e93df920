// Chooses the backend from the database location.
#include <memory>
#include <string>

#include "store/Store.h"
#include "store/sqlite/SqliteStore.h"

namespace store {
namespace {

bool is_postgres(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> make_store(const std::string& location, const StoreOptions& options,
                                  sqlite::OpenMode mode) {
    if (is_postgres(location)) throw StoreError("PostgreSQL is not supported yet");
    if (location.empty()) throw StoreError("no database location given");
    return std::make_unique<sqlite::SqliteStore>(location, options, mode);
}

}  // namespace

std::unique_ptr<Store> init_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, sqlite::OpenMode::Init);
}

std::unique_ptr<Store> open_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, sqlite::OpenMode::Open);
}

}  // namespace store
