#pragma once
// A fresh database for one test, removed with everything in it afterwards.
//
// By default a SQLite file in a fresh temporary directory. With BLC_TEST_BACKEND=postgres (the
// store_pg.* and e2e_pg.* tests) a fresh PostgreSQL database instead: CREATE DATABASE
// blc_t_<pid>_<n> on the server whose admin URL BLC_TEST_POSTGRES gives
// (postgresql://postgres@127.0.0.1:PORT/postgres, see scripts/pg-cluster.sh), dropped WITH
// (FORCE) by the destructor. The temporary directory exists on both backends, for a test's
// other files. Without BLC_TEST_POSTGRES the PostgreSQL variants fail, or skip when
// BLC_ALLOW_NO_POSTGRES=1 (a developer without PostgreSQL).
#include <filesystem>
#include <memory>
#include <string>

#include "store/Store.h"

namespace testing_support {

class TempDb {
  public:
    TempDb();
    ~TempDb();
    TempDb(const TempDb&) = delete;
    TempDb& operator=(const TempDb&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    // Location of the test's database, as init_store/open_store take it: the SQLite file (not
    // created until init_store) or the URL of the fresh PostgreSQL database (created, empty).
    const std::string& path() const { return location_; }
    // init_store on path() with small test options.
    std::unique_ptr<store::Store> init(store::StoreOptions options = test_options()) const;
    std::unique_ptr<store::Store> open(store::StoreOptions options = test_options()) const;

    static store::StoreOptions test_options();

    // True when the tests run on PostgreSQL (BLC_TEST_BACKEND=postgres). Tests of SQLite's own
    // machinery (its files, raw sqlite3 access, group commit) skip themselves then:
    //     if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific";
    static bool postgres();

    // Every byte SQLite wrote for the database at `path` (main file and write-ahead log): tests
    // that a secret never reaches the disk search these. SQLite only.
    static std::string file_bytes(const std::string& path);

  private:
    std::filesystem::path dir_;
    std::string location_;
    std::string pg_database_;  // the database to drop; empty on SQLite
};

}  // namespace testing_support
