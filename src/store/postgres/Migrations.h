#pragma once
// Applies the embedded numbered migrations (store::postgres_migrations) and reports the version;
// the counterpart of sqlite/Migrations.h with the same messages.
#include <string>

#include "store/postgres/Connection.h"

namespace store::postgres {

// The newest schema version this program knows.
int latest_version();
// The highest applied version; 0 for a database without the schema_migrations table.
int applied_version(Connection& conn);
// Applies every pending migration, each in its own transaction, while holding an advisory lock
// so that two processes starting together do not both migrate. Throws StoreError when the
// database is newer than the program.
void apply_pending(Connection& conn);
// Throws StoreError unless the database is exactly at latest_version() (open_store's check).
// `location` is the URI as shown to people (no password).
void require_current(Connection& conn, const std::string& location);

}  // namespace store::postgres
