// ProductsQuantity: {"<product_id>": {"0": stock, "<variant_id>": stock...}, "pages": N}; key "0"
// follows the stock rule (own stock, or the sum of the variants).
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome products_quantity(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto& catalog = ctx.store.catalog();
    return write_variant_page(
        params, ctx, out, [&](store::Slice slice) { return catalog.stock_page(slice); },
        [](const auto& row) { return row.quantity; },
        [](JsonWriter& w, const auto& value) { w.integer(value); });
}

}  // namespace protocol::actions
