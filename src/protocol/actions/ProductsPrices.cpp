// ProductsPrices: {"<product_id>": {"0": price, "<variant_id>": price...}, "pages": N}.
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome products_prices(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto& catalog = ctx.store.catalog();
    const auto page_size = ctx.settings.page_size_stock;
    const auto slice = page_slice(params.page(), page_size);
    const auto rows = slice ? catalog.price_page(*slice) : std::vector<store::PriceRow>{};
    if (rows.empty()) {
        write_empty(out);  // no products, or a page past the end
        return true;
    }
    const auto total = catalog.product_count();
    out.begin_object();
    for (const auto& row : rows) {
        out.key(row.product_id).begin_object();
        out.key(0).money(row.price);  // key "0": the product's own reported price
        for (const auto& [variant_id, price] : row.variants) out.key(variant_id).money(price);
        out.end_object();
    }
    out.key("pages").integer(page_count(total, page_size));
    out.end_object();
    return true;
}

}  // namespace protocol::actions
