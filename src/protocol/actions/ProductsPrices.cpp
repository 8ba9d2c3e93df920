// ProductsPrices: {"<product_id>": {"0": price, "<variant_id>": price...}, "pages": N}; key "0" is
// the product's own reported price.
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome products_prices(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto& catalog = ctx.store.catalog();
    return write_variant_page(
        params, ctx, out, [&](store::Slice slice) { return catalog.price_page(slice); },
        [](const auto& row) { return row.price; },
        [](JsonWriter& w, const auto& value) { w.money(value); });
}

}  // namespace protocol::actions
