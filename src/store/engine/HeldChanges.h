#pragma once
// The mass-change guard over the port: BaseLinker's batches judged (MassChangeGuard.h) in the
// transaction that would apply them (BatchChanges.h), held batches stored whole, then applied or
// discarded by staff. Tables held_changes / held_change_entries (migration 008).
#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::engine {

class HeldChanges final : public store::HeldChanges {
  public:
    HeldChanges(Port& port, const StoreOptions& options)
        : port_(port), use_promo_(options.use_promo_price) {}

    GuardedResult submit_stock(std::span<const StockChange> changes, const GuardRules& rules,
                               std::int64_t now) override;
    GuardedResult submit_prices(std::span<const PriceChange> changes, const GuardRules& rules,
                                std::int64_t now) override;
    std::vector<HeldBatch> list(std::optional<HeldState> state, std::int64_t limit) override;
    std::optional<HeldDetail> detail(Id id) override;
    std::int64_t held_count() override;
    core::Result<BatchResult> apply(Id id, const std::string& actor, std::int64_t now) override;
    core::Status discard(Id id, const std::string& actor, std::int64_t now) override;

  private:
    Port& port_;
    bool use_promo_;
};

}  // namespace store::engine
