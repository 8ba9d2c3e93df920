// Category paths, listings, counts, stock and price pages.
#include <algorithm>

#include "core/Text.h"
#include "store/sql/CatalogPages.h"
#include "store/sqlite/Catalog.h"
#include "store/sqlite/Dialect.h"
#include "store/sqlite/ListQuery.h"

namespace store::sqlite {

std::string json_id_array(std::span<const Id> ids) {
    std::string out = "[";
    for (Id id : ids) {
        if (out.size() > 1) out += ',';
        out += std::to_string(id);
    }
    return out + "]";
}

namespace {

bool unfiltered(const ProductFilter& f) {
    return !f.category_id && !f.id && !f.ids && !f.ean && !f.sku && !f.name_folded &&
           !f.price_from && !f.price_to && !f.quantity_from && !f.quantity_to && !f.active;
}

void read_list_rows(Statement& st, ProductListPage& page) {
    while (st.step()) {
        page.rows.push_back(ProductListRow{st.integer(0), st.text(1), st.integer(2),
                                           core::Money::from_minor(st.integer(3)), st.text(4),
                                           st.text(5)});
    }
}

}  // namespace

// The whole catalogue in id order (BaseLinker's catalogue import): keyset paging on the cached
// id list instead of an OFFSET walk.
ProductListPage SqliteCatalog::list_by_id(Connection& conn, bool descending, Slice slice) {
    const auto ids = ids_.current(conn);
    ProductListPage page;
    page.total = static_cast<std::int64_t>(ids->size());
    const auto first = first_id_of(*ids, slice.offset, descending);
    if (!first || slice.limit <= 0) return page;
    auto st = conn.prepare(descending
                               ? "SELECT p.id, p.name, p.quantity, " BLC_REPORTED_PRICE(3)
                                 ", p.ean, p.sku FROM products p WHERE p.id <= ?1"
                                 " ORDER BY p.id DESC LIMIT ?2"
                               : "SELECT p.id, p.name, p.quantity, " BLC_REPORTED_PRICE(3)
                                 ", p.ean, p.sku FROM products p WHERE p.id >= ?1"
                                 " ORDER BY p.id ASC LIMIT ?2");
    st.bind(1, *first).bind(2, slice.limit).bind(3, use_promo_);
    read_list_rows(st, page);
    return page;
}

ProductListPage SqliteCatalog::list_products(const ProductFilter& filter, Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // the total and the rows come from one snapshot
    if (unfiltered(filter) && filter.sort == SortField::Id) {
        return list_by_id(*conn, filter.descending, slice);
    }
    ListQuery q = make_list_query(filter);
    ProductListPage page;
    {
        auto count = conn->prepare(q.count_sql);
        bind_list_query(count, filter, use_promo_, nullptr);
        count.step_row();
        page.total = count.integer(0);
    }
    auto st = conn->prepare(q.page_sql);
    bind_list_query(st, filter, use_promo_, &slice);
    read_list_rows(st, page);
    return page;
}

// ---- shared with the other backend (sql/CatalogPages.h) ----

std::vector<CategoryPath> SqliteCatalog::active_category_paths() {
    return sql::active_category_paths<Dialect>(pool_);
}

std::int64_t SqliteCatalog::product_count() {
    return sql::product_count<Dialect>(pool_, ids_);
}

std::vector<StockRow> SqliteCatalog::stock_page(Slice slice) {
    return sql::stock_page<Dialect>(pool_, ids_, slice);
}

std::vector<PriceRow> SqliteCatalog::price_page(Slice slice) {
    return sql::price_page<Dialect>(pool_, ids_, slice, use_promo_);
}

}  // namespace store::sqlite
