// The settings store of this backend: the shared code (sql/Settings.h), compiled here once.
#include "store/sqlite/Settings.h"

template class store::sql::SqlSettings<store::sqlite::Dialect>;
