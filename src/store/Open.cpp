// Chooses the backend from the database location.
#include <memory>
#include <string>

#include "store/Store.h"
#include "store/engine/EngineStore.h"
#include "store/postgres/PgPort.h"
#include "store/sqlite/SqlitePort.h"

namespace store {
namespace {

bool is_postgres(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

enum class Mode { Init, Open };

std::unique_ptr<Store> make_store(const std::string& location, const StoreOptions& options,
                                  Mode mode) {
    std::unique_ptr<engine::Port> port;
    if (is_postgres(location)) {
        port = std::make_unique<postgres::PgPort>(
            location, options,
            mode == Mode::Init ? postgres::OpenMode::Init : postgres::OpenMode::Open);
    } else {
        if (location.empty()) throw StoreError("no database location given");
        port = std::make_unique<sqlite::SqlitePort>(
            location, options,
            mode == Mode::Init ? sqlite::OpenMode::Init : sqlite::OpenMode::Open);
    }
    return std::make_unique<engine::EngineStore>(std::move(port), options);
}

}  // namespace

std::unique_ptr<Store> init_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, Mode::Init);
}

std::unique_ptr<Store> open_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, Mode::Open);
}

}  // namespace store
