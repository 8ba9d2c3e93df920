// The lookup store of this backend: the shared code (sql/Lookups.h), compiled here once.
#include "store/postgres/Lookups.h"

template class store::sql::SqlLookups<store::postgres::Dialect>;
