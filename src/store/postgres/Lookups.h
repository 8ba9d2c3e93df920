#pragma once
#include "store/postgres/Dialect.h"
#include "store/sql/Lookups.h"

namespace store::postgres {

// Order statuses, delivery and payment methods, and the admin lists of categories and
// manufacturers: the code is shared with SQLite (sql/Lookups.h).
using PgLookups = sql::SqlLookups<Dialect>;

}  // namespace store::postgres

// Compiled once, in Lookups.cpp.
extern template class store::sql::SqlLookups<store::postgres::Dialect>;
