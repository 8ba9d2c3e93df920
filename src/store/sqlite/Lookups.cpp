// The lookup store of this backend: the shared code (sql/Lookups.h), compiled here once.
#include "store/sqlite/Lookups.h"

template class store::sql::SqlLookups<store::sqlite::Dialect>;
