#pragma once
// The SQLite backend's types under the names that the shared store code (store/sql/) is written
// against: each shared template is instantiated once with this struct and once with the other
// backend's.
#include <span>
#include <string>

#include "store/sqlite/Catalog.h"
#include "store/sqlite/Connection.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

struct Dialect {
    using Pool = ::store::sqlite::Pool;
    using Connection = ::store::sqlite::Connection;
    using Statement = ::store::sqlite::Statement;
    using Transaction = ::store::sqlite::Transaction;
    using TxKind = ::store::sqlite::TxKind;
    using ConstraintError = ::store::sqlite::ConstraintError;

    // A set of ids (a page of orders, the products asked for) travels as one bound parameter ?1,
    // never pasted into SQL; in_id_list() is the test that follows a column ("<column> IN...").
    static std::string id_list(std::span<const Id> ids) { return json_id_array(ids); }
    static const char* in_id_list() { return " IN (SELECT value FROM json_each(?1))"; }

    // A boolean parameter ?n where SQL needs its type.
    static std::string bool_param(int n) { return "?" + std::to_string(n); }

    // Journal::last_ok_by_action groups a day of entries by "+action": grouped on the
    // (action, id) index instead, SQLite would scan the whole table.
    static constexpr const char* kJournalGroupByAction = "+action";

    // Admins (sql/Admins.h): usernames compare case-insensitively through the column's
    // COLLATE NOCASE (its UNIQUE index too), so a plain comparison and ORDER BY use the index;
    // token names order by bytes (BINARY).
    static constexpr const char* kUsernameIs = "username = ?1";
    static constexpr const char* kUsersOrder = "username, id";
    static constexpr const char* kTokensOrder = "u.username, t.name, t.id";
};

}  // namespace store::sqlite
