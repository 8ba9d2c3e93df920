// ProductsQuantityUpdate: set or change stock of products/variants in one transaction, unless the
// mass-change guard holds the batch (docs/guard.md). Invalid entries are skipped (not counted)
// and listed in the journal detail.
#include "core/Text.h"
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

// The validated change, or the reason the entry is skipped.
core::Result<store::StockChange> validate(const wire::RawEntry& raw, std::size_t index,
                                          wire::Notes& normalised) {
    store::StockChange change;
    change.entry = index;
    if (auto status = read_target(raw, change, normalised); !status.ok()) return status;
    const auto operation = core::ascii_lower(core::trim(raw.operation));
    if (operation == "set") {
        change.op = store::StockOp::Set;
    } else if (operation == "change") {
        change.op = store::StockOp::Change;
    } else {
        return core::invalid_parameter("operation", "expected 'set' or 'change'");
    }
    auto quantity = lenient_int(raw.quantity, entry_field(index, "quantity"), normalised);
    if (!quantity) return core::invalid_parameter("quantity", "expected an integer");
    change.quantity = *quantity;
    return change;
}

}  // namespace

Outcome products_quantity_update(const Params& params, ActionContext& ctx, JsonWriter& out) {
    return run_update_batch<store::StockChange>(
        params, ctx, out, validate, [&](const auto& changes) {
            return ctx.store.held_changes().submit_stock(changes, ctx.settings.guard, ctx.now);
        });
}

}  // namespace protocol::actions
