#pragma once
#include "store/sql/Lookups.h"
#include "store/sqlite/Dialect.h"

namespace store::sqlite {

// Order statuses, delivery and payment methods, and the admin lists of categories and
// manufacturers: the code is shared with PostgreSQL (sql/Lookups.h).
using SqliteLookups = sql::SqlLookups<Dialect>;

}  // namespace store::sqlite

// Compiled once, in Lookups.cpp.
extern template class store::sql::SqlLookups<store::sqlite::Dialect>;
