// Category paths, listings, counts, stock and price pages. Every method reads in one snapshot
// (TxKind::Read is REPEATABLE READ READ ONLY), as SQLite's read transactions do.
#include <algorithm>

#include "core/Text.h"
#include "store/postgres/Catalog.h"
#include "store/postgres/Dialect.h"
#include "store/postgres/ListQuery.h"
#include "store/sql/CatalogPages.h"

namespace store::postgres {

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

const char* bool_text(bool value) {
    return value ? "true" : "false";
}

}  // namespace

// The whole catalogue in id order (BaseLinker's catalogue import): keyset paging on the cached
// id list instead of an OFFSET walk.
ProductListPage PgCatalog::list_by_id(Connection& conn, bool descending, Slice slice) {
    const auto ids = ids_.current(conn);
    ProductListPage page;
    page.total = static_cast<std::int64_t>(ids->size());
    const auto first = first_id_of(*ids, slice.offset, descending);
    if (!first || slice.limit <= 0) return page;
    static const std::string price = reported_price("$3::boolean");
    static const std::string up = "SELECT p.id, p.name, p.quantity, " + price +
                                  ", p.ean, p.sku FROM products p WHERE p.id >= $1::bigint"
                                  " ORDER BY p.id ASC LIMIT $2::bigint";
    static const std::string down = "SELECT p.id, p.name, p.quantity, " + price +
                                    ", p.ean, p.sku FROM products p WHERE p.id <= $1::bigint"
                                    " ORDER BY p.id DESC LIMIT $2::bigint";
    auto st = conn.prepare(descending ? down : up);
    st.bind(1, *first).bind(2, slice.limit).bind(3, bool_text(use_promo_));
    read_list_rows(st, page);
    return page;
}

ProductListPage PgCatalog::list_products(const ProductFilter& filter, Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // the total and the rows come from one snapshot
    if (unfiltered(filter) && filter.sort == SortField::Id) {
        return list_by_id(*conn, filter.descending, slice);
    }
    ProductListPage page;
    if (unfiltered(filter)) {
        // Sorted otherwise, but still every product: the cached id list knows how many.
        page.total = static_cast<std::int64_t>(ids_.current(*conn)->size());
    } else {
        ListQuery q = make_count_query(filter, use_promo_);
        auto count = conn->prepare(q.sql);
        q.params.bind(count);
        count.step_row();
        page.total = count.integer(0);
    }
    ListQuery q = make_page_query(filter, use_promo_, slice);
    auto st = conn->prepare(q.sql);
    q.params.bind(st);
    read_list_rows(st, page);
    return page;
}

// ---- shared with the other backend (sql/CatalogPages.h) ----

std::vector<CategoryPath> PgCatalog::active_category_paths() {
    return sql::active_category_paths<Dialect>(pool_);
}

std::int64_t PgCatalog::product_count() {
    return sql::product_count<Dialect>(pool_, ids_);
}

std::vector<StockRow> PgCatalog::stock_page(Slice slice) {
    return sql::stock_page<Dialect>(pool_, ids_, slice);
}

std::vector<PriceRow> PgCatalog::price_page(Slice slice) {
    return sql::price_page<Dialect>(pool_, ids_, slice, use_promo_);
}

}  // namespace store::postgres
