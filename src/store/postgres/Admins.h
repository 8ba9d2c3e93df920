#pragma once
#include "store/postgres/Dialect.h"
#include "store/sql/Admins.h"

namespace store::postgres {

// admin_users, admin_tokens (migration 003) and panel sessions (004): the code is shared with
// SQLite (sql/Admins.h). Usernames compare case-insensitively: every lookup goes through
// lower(username) (Dialect::kUsernameIs), which the unique index admin_users_username covers.
using PgAdmins = sql::SqlAdmins<Dialect>;

}  // namespace store::postgres

// Compiled once, in Admins.cpp.
extern template class store::sql::SqlAdmins<store::postgres::Dialect>;
