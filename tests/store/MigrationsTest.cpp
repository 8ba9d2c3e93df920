// init_store / open_store: creating, reopening and refusing databases.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <functional>

#include "SqliteRewind.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::exec_sqlite;
using store_tests::rewind_sqlite;
using testing_support::TempDb;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const store::StoreError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Migrations, FreshInitAppliesEverySchemaVersion) {
    TempDb db;
    auto s = db.init();
    if (!TempDb::postgres()) {
        EXPECT_TRUE(std::filesystem::exists(db.path()));
    }
    EXPECT_GE(s->latest_schema_version(), 1);
    EXPECT_EQ(s->schema_version(), s->latest_schema_version());
    EXPECT_EQ(s->catalog().product_count(), 0);
}

TEST(Migrations, ReopenAndReinitKeepData) {
    TempDb db;
    store::JournalEntry entry;
    entry.at_ms = 5;
    entry.action = "FileVersion";
    db.init()->journal().append(std::vector<store::JournalEntry>{entry});
    auto again = db.init();  // nothing pending: a no-op
    EXPECT_EQ(again->journal().query({}).size(), 1u);
    again.reset();
    auto opened = db.open();
    EXPECT_EQ(opened->schema_version(), opened->latest_schema_version());
    EXPECT_EQ(opened->journal().query({}).size(), 1u);
}

TEST(Migrations, SeedsLookupTables) {
    TempDb db;
    auto s = db.init();
    auto statuses = s->lookups().order_statuses();
    ASSERT_FALSE(statuses.empty());
    EXPECT_EQ(statuses.front().name, "Nowe");
    int cancelled = 0;
    for (auto& st : statuses) cancelled += st.flag;
    EXPECT_EQ(cancelled, 1);
    bool cod = false;
    for (auto& p : s->lookups().payment_methods())
        cod = cod || (p.flag && p.name == "Za pobraniem");
    EXPECT_TRUE(cod);
    EXPECT_GE(s->lookups().delivery_methods().size(), 5u);
}

TEST(Migrations, OpenRefusesMissingFileAndCreatesNothing) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: a missing database file";
    TempDb db;
    std::string msg = error_of([&] { db.open(); });
    EXPECT_NE(msg.find("does not exist"), std::string::npos) << msg;
    EXPECT_NE(msg.find("blconnect init --db " + db.path()), std::string::npos) << msg;
    EXPECT_FALSE(std::filesystem::exists(db.path()));
}

TEST(Migrations, OpenRefusesDatabaseWithPendingMigrations) {
    TempDb db;
    // An empty, unmigrated file; on PostgreSQL the fresh database is one already.
    if (!TempDb::postgres()) exec_sqlite(db.path(), "CREATE TABLE unrelated (x INTEGER)");
    std::string msg = error_of([&] { db.open(); });
    EXPECT_NE(msg.find("run blconnect init"), std::string::npos) << msg;
    auto s = db.init();  // init upgrades it
    EXPECT_EQ(s->schema_version(), s->latest_schema_version());
}

TEST(Migrations, UpgradeFromVersion3AddsSessionsAndKeepsUsers) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: rewinds the SQLite file to version 3";
    TempDb db;
    {
        auto s = db.init();
        EXPECT_GE(s->latest_schema_version(), 4);
        must(s->admins().create_user("anna", "$argon2id$hash"));
    }
    // The database as blconnect with migrations 001-003 left it.
    rewind_sqlite(db.path(), 3);
    std::string msg = error_of([&] { db.open(); });
    EXPECT_NE(msg.find("has schema version 3"), std::string::npos) << msg;
    auto s = db.init();
    EXPECT_EQ(s->schema_version(), s->latest_schema_version());
    auto anna = s->admins().find_user("anna");
    ASSERT_TRUE(anna);
    s->admins().create_session(anna->id, std::string(64, 'a'), "csrf", 100, 200);
    EXPECT_EQ(s->admins().find_session(std::string(64, 'a'), 150)->username, "anna");
}

TEST(Migrations, NewerSchemaIsRefusedByOpenAndInit) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: raw sqlite3 access";
    TempDb db;
    int latest = db.init()->latest_schema_version();
    exec_sqlite(db.path(), ("INSERT INTO schema_migrations VALUES (" + std::to_string(latest + 1) +
                            ", '999_future', 0)")
                               .c_str());
    std::string expected = "database schema version " + std::to_string(latest + 1) +
                           " is newer than this blconnect (" + std::to_string(latest) +
                           "); upgrade blconnect";
    EXPECT_EQ(error_of([&] { db.open(); }), expected);
    EXPECT_EQ(error_of([&] { db.init(); }), expected);
}

// Nothing listens on port 1: the operator learns that the database is unreachable and where,
// and the password in the URL never shows in the message.
TEST(Migrations, UnreachablePostgresIsAClearErrorWithoutThePassword) {
    for (const char* url : {"postgresql://shop:Secret-Pass-123@127.0.0.1:1/shop",
                            "postgres://shop@127.0.0.1:1/shop?password=Secret-Pass-123"}) {
        std::string msg = error_of([url] { store::open_store(url, store::StoreOptions{}); });
        EXPECT_NE(msg.find("127.0.0.1"), std::string::npos) << msg;
        EXPECT_EQ(msg.find("Secret-Pass-123"), std::string::npos) << msg;
    }
}

TEST(Migrations, UsesWalAndForeignKeys) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: journal mode";
    TempDb db;
    db.init();
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
    sqlite3_finalize(st);
    sqlite3_close(raw);
}
