// The admin store of this backend: the shared code (sql/Admins.h), compiled here once.
#include "store/postgres/Admins.h"

template class store::sql::SqlAdmins<store::postgres::Dialect>;
