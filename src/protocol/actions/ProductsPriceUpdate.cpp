// ProductsPriceUpdate: set gross prices of products/variants in one transaction, unless the
// mass-change guard holds the batch (docs/guard.md). Invalid entries are skipped (not counted)
// and listed in the journal detail.
#include "core/Decimal.h"
#include "core/Text.h"
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

// The validated change, or the reason the entry is skipped.
core::Result<store::PriceChange> validate(const wire::RawEntry& raw, std::size_t index) {
    store::PriceChange change;
    change.entry = index;
    if (auto status = read_target(raw, change); !status.ok()) return status;
    auto price = core::Money::parse(core::trim(raw.price));
    if (!price)
        return core::invalid_parameter("price", "expected a decimal with at most 2 decimals");
    if (*price <= core::Money{}) return core::invalid_parameter("price", "must be greater than 0");
    change.price = *price;
    return change;
}

}  // namespace

Outcome products_price_update(const Params& params, ActionContext& ctx, JsonWriter& out) {
    return run_update_batch<store::PriceChange>(
        params, ctx, out, validate, [&](const auto& changes) {
            return ctx.store.held_changes().submit_prices(changes, ctx.settings.guard, ctx.now);
        });
}

}  // namespace protocol::actions
