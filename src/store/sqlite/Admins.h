#pragma once
#include "store/sql/Admins.h"
#include "store/sqlite/Dialect.h"

namespace store::sqlite {

// admin_users, admin_tokens (migration 003) and panel sessions (004): the code is shared with
// PostgreSQL (sql/Admins.h); Dialect says how usernames match.
using SqliteAdmins = sql::SqlAdmins<Dialect>;

}  // namespace store::sqlite

// Compiled once, in Admins.cpp.
extern template class store::sql::SqlAdmins<store::sqlite::Dialect>;
