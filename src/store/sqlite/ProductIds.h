#pragma once
// Every product id in ascending order, cached in memory and reloaded only when products were
// inserted or deleted (a generation counter kept by triggers, 001_catalog.sql). Turns "page N"
// into "ids from X on": a sweep of all pages is linear instead of quadratic (OFFSET walks).
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sqlite/Connection.h"

namespace store::sqlite {

class ProductIds {
  public:
    using Snapshot = std::shared_ptr<const std::vector<Id>>;
    // The ids as the caller's open read transaction on `conn` sees them.
    Snapshot current(Connection& conn);

  private:
    std::mutex mutex_;
    std::int64_t generation_ = -1;
    Snapshot ids_;
};

// The first id of the slice in ascending (or descending) id order; nullopt past the end.
std::optional<Id> first_id_of(const std::vector<Id>& ids, std::int64_t offset, bool descending);

}  // namespace store::sqlite
