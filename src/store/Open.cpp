// Chooses the backend from the database location.
#include <memory>
#include <string>

#include "store/Store.h"
#include "store/engine/EngineStore.h"
#include "store/postgres/PgPort.h"
#include "store/postgres/Uri.h"
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

std::string redact_location(const std::string& location) {
    return is_postgres(location) ? postgres::redact_uri(location) : location;
}

std::string scrub_location_secret(std::string message, const std::string& location) {
    if (!is_postgres(location)) return message;
    return postgres::scrub_password(std::move(message), location);
}

std::unique_ptr<Store> init_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, Mode::Init);
}

std::unique_ptr<Store> open_store(const std::string& location, const StoreOptions& options) {
    return make_store(location, options, Mode::Open);
}

}  // namespace store
