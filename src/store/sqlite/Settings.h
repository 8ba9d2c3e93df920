#pragma once
#include "store/sql/Settings.h"
#include "store/sqlite/Dialect.h"

namespace store::sqlite {

// Run-time settings in the key/value table `settings` (001): `orders.policy` (JSON),
// `connector.password_sha256`, `version`. The code is shared with PostgreSQL (sql/Settings.h).
using SqliteSettings = sql::SqlSettings<Dialect>;

}  // namespace store::sqlite

// Compiled once, in Settings.cpp.
extern template class store::sql::SqlSettings<store::sqlite::Dialect>;
