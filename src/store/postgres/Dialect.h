#pragma once
// The PostgreSQL backend's types under the names that the shared store code (store/sql/) is
// written against: each shared template is instantiated once with this struct and once with the
// other backend's.
#include <span>
#include <string>

#include "store/postgres/Arrays.h"
#include "store/postgres/Connection.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

struct Dialect {
    using Pool = ::store::postgres::Pool;
    using Connection = ::store::postgres::Connection;
    using Statement = ::store::postgres::Statement;
    using Transaction = ::store::postgres::Transaction;
    using TxKind = ::store::postgres::TxKind;
    using ConstraintError = ::store::postgres::ConstraintError;

    // A set of ids (a page of orders, the products asked for) travels as one bound parameter ?1,
    // never pasted into SQL; in_id_list() is the test that follows a column ("<column> IN...").
    static std::string id_list(std::span<const Id> ids) { return int_array(ids); }
    static const char* in_id_list() { return " = ANY(?1::bigint[])"; }

    // A boolean parameter ?n where SQL needs its type (PostgreSQL cannot infer it in "?n AND ...").
    static std::string bool_param(int n) { return "?" + std::to_string(n) + "::boolean"; }

    // Journal::last_ok_by_action groups a day of entries (found on the time index) by action.
    static constexpr const char* kJournalGroupByAction = "action";

    // Admins (sql/Admins.h): usernames compare case-insensitively through lower(username),
    // which the unique index admin_users_username covers. The orders are SQLite's whatever
    // collation the database was created with: user names case-insensitively (its NOCASE),
    // token names by bytes (its BINARY).
    static constexpr const char* kUsernameIs = "lower(username) = lower(?1)";
    static constexpr const char* kUsersOrder = "lower(username) COLLATE \"C\", id";
    static constexpr const char* kTokensOrder =
        "lower(u.username) COLLATE \"C\", t.name COLLATE \"C\", t.id";
};

}  // namespace store::postgres
