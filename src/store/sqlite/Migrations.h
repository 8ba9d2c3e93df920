#pragma once
// Applies the embedded numbered migrations (store::sqlite_migrations) and reports the version.
#include "store/sqlite/Connection.h"

namespace store::sqlite {

// The newest schema version this program knows.
int latest_version();
// The highest applied version; 0 for a database without the schema_migrations table.
int applied_version(Connection& conn);
// Applies every pending migration, each in its own write transaction. Throws StoreError when the
// database is newer than the program.
void apply_pending(Connection& conn);
// Throws StoreError unless the database is exactly at latest_version() (open_store's check).
void require_current(Connection& conn, const std::string& path);

}  // namespace store::sqlite
