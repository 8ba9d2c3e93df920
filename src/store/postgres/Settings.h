#pragma once
#include "store/postgres/Dialect.h"
#include "store/sql/Settings.h"

namespace store::postgres {

// Run-time settings in the key/value table `settings` (001), encoded as in the SQLite backend
// by the same code (sql/Settings.h): `orders.policy` (JSON, store/PolicyText.h),
// `connector.password_sha256`, `version`.
using PgSettings = sql::SqlSettings<Dialect>;

}  // namespace store::postgres

// Compiled once, in Settings.cpp.
extern template class store::sql::SqlSettings<store::postgres::Dialect>;
