// ProductsPriceUpdate: set gross prices of products/variants in one transaction, unless the
// mass-change guard holds the batch (docs/guard.md). Invalid entries are skipped (not counted)
// and listed in the journal detail.
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

// The validated change, or the reason the entry is skipped.
// A price with more decimals is rounded to the grosz, as PHP's round() would (and noted).
core::Result<store::PriceChange> validate(const wire::RawEntry& raw, std::size_t index,
                                          wire::Notes& normalised) {
    store::PriceChange change;
    change.entry = index;
    if (auto status = read_target(raw, change, normalised); !status.ok()) return status;
    auto price = lenient_money(raw.price, entry_field(index, "price"), normalised);
    if (!price) return core::invalid_parameter("price", "expected a decimal amount");
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
