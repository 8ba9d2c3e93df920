// /products, /categories, /manufacturers: the routes, and reading products. Every filter reaches
// the store as a typed value (the same list_products the connector's ProductsList uses).
#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/ProductHandlers.h"
#include "admin/api/ProductJson.h"
#include "core/Text.h"

namespace admin::api {
namespace products {
namespace {

constexpr std::int64_t kDefaultLimit = 50;

std::optional<core::Money> query_money(const Call& call, std::string_view name) {
    auto text = query_text(call, name);
    if (!text || text->empty()) return std::nullopt;
    auto money = core::Money::parse(core::trim(*text));
    if (!money) throw invalid_field(std::string(name), "expected an amount like 12.50");
    return money;
}

store::SortField sort_field(const Call& call) {
    const auto text = query_text(call, "sort").value_or("id");
    if (text == "id") return store::SortField::Id;
    if (text == "name") return store::SortField::Name;
    if (text == "quantity") return store::SortField::Quantity;
    if (text == "price") return store::SortField::Price;
    throw invalid_field("sort", "expected id, name, quantity or price");
}

bool descending(const Call& call) {
    const auto text = query_text(call, "order").value_or("asc");
    if (text != "asc" && text != "desc") throw invalid_field("order", "expected asc or desc");
    return text == "desc";
}

// Name search compares case-folded text, as ProductsList does (products.name_folded).
void text_filters(const Call& call, store::ProductFilter& filter) {
    if (auto q = query_text(call, "q")) {
        auto trimmed = core::trim(*q);
        if (!trimmed.empty()) filter.name_folded = core::fold_case(trimmed);
    }
    filter.sku = query_text(call, "sku");
    filter.ean = query_text(call, "ean");
}

store::ProductFilter product_filter(const Call& call) {
    store::ProductFilter filter;
    text_filters(call, filter);
    filter.category_id = query_integer(call, "category_id");
    filter.active = query_boolean(call, "active");
    filter.quantity_from = query_integer(call, "quantity_from");
    filter.quantity_to = query_integer(call, "quantity_to");
    filter.price_from = query_money(call, "price_from");
    filter.price_to = query_money(call, "price_to");
    filter.sort = sort_field(call);
    filter.descending = descending(call);
    return filter;
}

void write_page(wire::JsonWriter& out, const store::ProductListPage& page,
                const store::Slice& slice) {
    out.begin_object().key("items").begin_array();
    for (const auto& row : page.rows) write_product_row(out, row);
    out.end_array();
    out.key("total").integer(page.total);
    // The cursor is the offset of the next page; opaque to clients.
    const std::int64_t next = slice.offset + static_cast<std::int64_t>(page.rows.size());
    out.key("next_cursor");
    if (!page.rows.empty() && next < page.total) {
        out.string(std::to_string(next));
    } else {
        out.null();
    }
    out.end_object();
}

}  // namespace

core::WebResponse list(Call& call) {
    const auto filter = product_filter(call);
    const store::Slice slice{query_cursor(call).value_or(0), query_limit(call, kDefaultLimit)};
    const auto page = call.store.catalog().list_products(filter, slice);
    return json_reply_with(200, [&](wire::JsonWriter& out) { write_page(out, page, slice); });
}

core::WebResponse detail(Call& call) {
    const store::Id ids[] = {path_id(call, 0)};
    const auto found = call.store.catalog().product_details(ids, store::DetailParts{});
    if (found.empty()) throw not_found("unknown product " + std::to_string(ids[0]));
    return json_reply_with(
        200, [&](wire::JsonWriter& out) { write_product_detail(out, found.front()); });
}

}  // namespace products

std::vector<Route> product_routes() {
    using namespace products;
    return {
        {"GET", "/products", list},
        {"POST", "/products", create},
        {"GET", "/products/{id}", detail},
        {"PUT", "/products/{id}", replace},
        {"PUT", "/products/{id}/stock", set_stock},
        {"PUT", "/products/{id}/variants/{id}/stock", set_variant_stock},
        {"PUT", "/products/{id}/price", set_price},
        {"PUT", "/products/{id}/variants/{id}/price", set_variant_price},
        {"GET", "/categories", categories},
        {"GET", "/manufacturers", manufacturers},
    };
}

}  // namespace admin::api
