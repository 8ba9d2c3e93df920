#pragma once
// Every product id in ascending order, cached in memory and reloaded only when products were
// inserted or deleted: the `products_generation` counter in catalog_state, bumped by statement
// triggers (001_catalog.sql) in the writing transaction, so every process sharing the database
// sees a change. Turns "page N" into "ids from X on": a sweep of all pages is linear instead of
// quadratic (OFFSET walks).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "store/postgres/Connection.h"

namespace store::postgres {

class ProductIds {
  public:
    using Snapshot = std::shared_ptr<const std::vector<Id>>;
    // The ids as the caller's open read transaction on `conn` sees them. The transaction must
    // be a snapshot (TxKind::Read is REPEATABLE READ): the counter and the ids are then read
    // from the same state of the database.
    Snapshot current(Connection& conn);

  private:
    std::mutex mutex_;
    std::int64_t generation_ = -1;
    Snapshot ids_;
};

// The first id of the slice in ascending (or descending) id order; nullopt past the end.
std::optional<Id> first_id_of(const std::vector<Id>& ids, std::int64_t offset, bool descending);

}  // namespace store::postgres
