#include "store/postgres/PgStore.h"

#include "store/postgres/Migrations.h"
#include "store/postgres/Uri.h"

namespace store::postgres {
namespace {

// A connection to the server's maintenance database answers whether `uri`'s database exists:
// true/false, nullopt when even that cannot be asked (server down, no such role...).
std::optional<bool> database_exists(const std::string& uri) {
    std::string name = database_of(uri);
    if (name.empty()) return std::nullopt;
    try {
        Connection maintenance(uri, "postgres");
        auto st = maintenance.prepare("SELECT 1 FROM pg_database WHERE datname = $1");
        st.bind(1, name);
        return st.step();
    } catch (const StoreError&) {
        return std::nullopt;
    }
}

// CREATE DATABASE for init on a fresh server. Another process may create it at the same time:
// what counts is that it exists afterwards.
void create_database(const std::string& uri) {
    std::string name = database_of(uri);
    Connection maintenance(uri, "postgres");
    auto quoted = maintenance.quote_identifier(name);
    try {
        maintenance.exec(("CREATE DATABASE " + quoted).c_str());
    } catch (const StoreError&) {
        if (database_exists(uri) != true) throw;
    }
}

// Creates/migrates (Init) or checks (Open) the database before the pool connects to it.
const std::string& prepare_database(const std::string& uri, OpenMode mode) {
    const std::string shown = redact_uri(uri);
    std::unique_ptr<Connection> conn;
    try {
        conn = std::make_unique<Connection>(uri);
    } catch (const StoreError&) {
        if (database_exists(uri) != false) throw;
        if (mode == OpenMode::Open)
            throw StoreError("database " + shown + " does not exist; run `blconnect init --db " +
                             shown + "`");
        create_database(uri);
        conn = std::make_unique<Connection>(uri);
    }
    if (mode == OpenMode::Open)
        require_current(*conn, shown);
    else
        apply_pending(*conn);
    return uri;
}

}  // namespace

PgStore::PgStore(const std::string& uri, const StoreOptions& options, OpenMode mode)
    : pool_(prepare_database(uri, mode), options.pool_size),
      catalog_(pool_, options),
      lookups_(pool_),
      orders_(pool_),
      journal_(pool_),
      admins_(pool_),
      settings_(pool_) {}

int PgStore::schema_version() {
    auto conn = pool_.acquire();
    return applied_version(*conn);
}

int PgStore::latest_schema_version() const {
    return latest_version();
}

}  // namespace store::postgres
