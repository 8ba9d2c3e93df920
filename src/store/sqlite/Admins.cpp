// The admin store of this backend: the shared code (sql/Admins.h), compiled here once.
#include "store/sqlite/Admins.h"

template class store::sql::SqlAdmins<store::sqlite::Dialect>;
