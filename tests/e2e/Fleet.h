#pragma once
// Several real `blconnect serve` processes on one database (SQLite file or PostgreSQL, as
// TempDb gives it): the multi-process guarantees are tested against these, over HTTP.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "proc/Process.h"
#include "support/TempDb.h"

namespace e2e {

class Fleet {
  public:
    static constexpr const char* kPassword = "Fleet-Password-0123456789-abcdef";

    // Initialises the database (catalogue from `batch`) and starts `servers` processes.
    Fleet(int servers, const store::ImportBatch& batch);
    ~Fleet();

    int size() const { return static_cast<int>(ports_.size()); }
    std::uint16_t port(int i) const { return ports_.at(static_cast<std::size_t>(i)); }
    // A store handle of the test process itself (one more writer/reader on the database).
    store::Store& store() { return *store_; }

    // POSTs a connector call to server `i`; the answer body ("" when there was no answer).
    std::string call(int i, const std::string& action,
                     std::map<std::string, std::string> fields) const;

  private:
    testing_support::TempDb db_;
    std::unique_ptr<store::Store> store_;
    std::vector<std::unique_ptr<proc::ServerProcess>> servers_;
    std::vector<std::uint16_t> ports_;
};

}  // namespace e2e
