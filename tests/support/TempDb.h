#pragma once
// A fresh directory for a test's database files, removed with everything in it afterwards.
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
    // Path of the test's database file (not created until init_store).
    std::string path() const { return (dir_ / "shop.db").string(); }
    // init_store on path() with small test options.
    std::unique_ptr<store::Store> init(store::StoreOptions options = test_options()) const;
    std::unique_ptr<store::Store> open(store::StoreOptions options = test_options()) const;

    static store::StoreOptions test_options();

    // Every byte SQLite wrote for the database at `path` (main file and write-ahead log): tests
    // that a secret never reaches the disk search these.
    static std::string file_bytes(const std::string& path);

  private:
    std::filesystem::path dir_;
};

}  // namespace testing_support
