// ProductsQuantity: {"<product_id>": {"0": stock, "<variant_id>": stock...}, "pages": N}.
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome products_quantity(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto& catalog = ctx.store.catalog();
    const auto page_size = ctx.settings.page_size_stock;
    const auto slice = page_slice(params.page(), page_size);
    const auto rows = slice ? catalog.stock_page(*slice) : std::vector<store::StockRow>{};
    if (rows.empty()) {
        write_empty(out);  // no products, or a page past the end
        return true;
    }
    const auto total = catalog.product_count();
    out.begin_object();
    for (const auto& row : rows) {
        out.key(row.product_id).begin_object();
        out.key(0).integer(row.quantity);  // key "0": the product, per the stock rule
        for (const auto& [variant_id, quantity] : row.variants)
            out.key(variant_id).integer(quantity);
        out.end_object();
    }
    out.key("pages").integer(page_count(total, page_size));
    out.end_object();
    return true;
}

}  // namespace protocol::actions
