#pragma once
// Every product id in ascending order, cached in memory and reloaded only when products were
// inserted or deleted: the `products_generation` counter in catalog_state, kept by triggers
// (001_catalog.sql) in the writing transaction, so every process sharing the database sees a
// change. Turns "page N" into "ids from X on": a sweep of all pages is linear instead of
// quadratic (OFFSET walks). The same for both backends.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "store/CatalogTypes.h"
#include "store/engine/Port.h"

namespace store::engine {

class ProductIds {
  public:
    using Snapshot = std::shared_ptr<const std::vector<Id>>;

    // The ids as the caller's open read transaction on `conn`
    // sees them. The transaction must be a snapshot (TxKind::Read: SQLite's read transaction,
    // PostgreSQL's REPEATABLE READ): the counter and the ids are then read from the same state.
    Snapshot current(Connection& conn) {
        auto gen =
            conn.prepare("SELECT value FROM catalog_state WHERE key = 'products_generation'");
        gen.step_row();
        const std::int64_t generation = gen.integer(0);
        {
            std::lock_guard lock(mutex_);
            if (generation == generation_) return ids_;
        }
        auto ids = std::make_shared<std::vector<Id>>();
        auto st = conn.prepare("SELECT id FROM products ORDER BY id");  // index-only scan
        while (st.step()) ids->push_back(st.integer(0));
        std::lock_guard lock(mutex_);
        // A reader on an older snapshot must not replace a newer list (the counter only grows).
        if (generation > generation_) {
            generation_ = generation;
            ids_ = ids;
        }
        return ids;
    }

  private:
    std::mutex mutex_;
    std::int64_t generation_ = -1;
    Snapshot ids_;
};

// The first id of the slice in ascending (or descending) id order; nullopt past the end.
inline std::optional<Id> first_id_of(const std::vector<Id>& ids, std::int64_t offset,
                                     bool descending) {
    if (offset < 0 || static_cast<std::uint64_t>(offset) >= ids.size()) return std::nullopt;
    const auto index = static_cast<std::size_t>(offset);
    return descending ? ids[ids.size() - 1 - index] : ids[index];
}

}  // namespace store::engine
