#pragma once
// Upgrade tests: a SQLite file taken back to the schema an older blconnect left, by undoing each
// later migration (newest first) and forgetting it in schema_migrations. Every migration that
// adds a table or column adds its undo here, so each upgrade test keeps working unchanged.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace store_tests {

// Runs `sql` on the SQLite file at `path` (the store must be closed).
inline void exec_sqlite(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
}

// The file as blconnect at schema `version` left it (only what the upgrade tests rely on:
// migrations 004 onwards).
inline void rewind_sqlite(const std::string& path, int version) {
    const char* undo[] = {
        /* 004 */ "DROP TABLE admin_sessions;",
        /* 005 */ "DROP TABLE order_page_span; DROP TABLE order_page_counts;",
        /* 006 */ "",  // name search: an index and a table the upgrade rebuilds
        /* 007 */ "DROP TABLE stock_moves; ALTER TABLE orders DROP COLUMN takes_stock;",
        /* 008 */ "DROP TABLE held_change_entries; DROP TABLE held_changes;",
        /* 009 */
        "DROP TABLE order_hold_problems; DROP TABLE order_holds;"
        " DELETE FROM order_statuses WHERE on_hold; ALTER TABLE order_statuses DROP COLUMN "
        "on_hold;",
        /* 010 */ "DROP TABLE heartbeat;",
    };
    constexpr int kFirst = 4;
    std::string sql;
    for (int v = kFirst + static_cast<int>(std::size(undo)) - 1; v > version; --v)
        sql += undo[v - kFirst];
    sql += " DELETE FROM schema_migrations WHERE version > " + std::to_string(version) + ";";
    exec_sqlite(path, sql);
}

}  // namespace store_tests
