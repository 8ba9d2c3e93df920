// Chooses the backend from the database location.
#include <memory>
#include <string>

#include "store/Store.h"
#include "store/postgres/PgStore.h"
#include "store/sqlite/SqliteStore.h"

namespace store {
namespace {

bool is_postgres(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

enum class Mode { Init, Open };

std::unique_ptr<Store> make_store(const std::string& location, const StoreOptions& options,
                                  Mode mode) {
    if (is_postgres(location))
        return std::make_unique<postgres::PgStore>(
            location, options,
            mode == Mode::Init ? postgres::OpenMode::Init : postgres::OpenMode::Open);
    if (location.empty()) throw StoreError("no database location given");
    return std::make_unique<sqlite::SqliteStore>(
        location, options, mode == Mode::Init ? sqlite::OpenMode::Init : sqlite::OpenMode::Open);
}

}  // namespace

std::unique_ptr<Store> init_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, Mode::Init);
}

std::unique_ptr<Store> open_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, Mode::Open);
}

}  // namespace store
