#include "store/postgres/ProductIds.h"

namespace store::postgres {

ProductIds::Snapshot ProductIds::current(Connection& conn) {
    auto gen = conn.prepare("SELECT value FROM catalog_state WHERE key = 'products_generation'");
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

std::optional<Id> first_id_of(const std::vector<Id>& ids, std::int64_t offset, bool descending) {
    if (offset < 0 || static_cast<std::uint64_t>(offset) >= ids.size()) return std::nullopt;
    const auto index = static_cast<std::size_t>(offset);
    return descending ? ids[ids.size() - 1 - index] : ids[index];
}

}  // namespace store::postgres
