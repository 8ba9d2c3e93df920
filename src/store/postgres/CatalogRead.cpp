// Category paths, listings, counts, stock and price pages. Every method reads in one snapshot
// (TxKind::Read is REPEATABLE READ READ ONLY), as SQLite's read transactions do.
#include <algorithm>

#include "core/Text.h"
#include "store/postgres/Catalog.h"
#include "store/postgres/ListQuery.h"

namespace store::postgres {

std::vector<CategoryPath> PgCatalog::active_category_paths() {
    auto conn = pool_.acquire();
    // Walks down from active roots through active children only, so a category under an
    // inactive ancestor never appears. The depth bound stops a cycle a bad import could make.
    auto st = conn->prepare(
        "WITH RECURSIVE tree(id, path, depth) AS ("
        " SELECT id, name, 0 FROM categories WHERE parent_id IS NULL AND active"
        " UNION ALL"
        " SELECT c.id, tree.path || '/' || c.name, tree.depth + 1"
        " FROM categories c JOIN tree ON c.parent_id = tree.id"
        " WHERE c.active AND tree.depth < 64)"
        " SELECT id, path FROM tree");
    struct Keyed {
        std::string key;
        CategoryPath path;
    };
    std::vector<Keyed> rows;
    while (st.step()) {
        CategoryPath p{st.integer(0), st.text(1)};
        // Folded in C++ as in SQLite: the same order whatever the database's collation.
        rows.push_back(Keyed{core::fold_case(p.path), std::move(p)});
    }
    std::sort(rows.begin(), rows.end(), [](const Keyed& a, const Keyed& b) {
        return a.key != b.key ? a.key < b.key : a.path.id < b.path.id;
    });
    std::vector<CategoryPath> out;
    out.reserve(rows.size());
    for (auto& r : rows) out.push_back(std::move(r.path));
    return out;
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

std::int64_t PgCatalog::product_count() {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    return static_cast<std::int64_t>(ids_.current(*conn)->size());
}

namespace {

// One page of products in id order: their ids and one value each (stock or price).
struct PageRange {
    std::vector<Id> ids;
    std::vector<std::int64_t> values;
};

// `sql` reads $2 rows from id $1 on; `use_promo` is bound as $3 only for statements that
// report a price.
PageRange read_page(Connection& conn, ProductIds& product_ids, const std::string& sql, Slice slice,
                    std::optional<bool> use_promo) {
    PageRange r;
    const auto first = first_id_of(*product_ids.current(conn), slice.offset, false);
    if (!first || slice.limit <= 0) return r;
    auto st = conn.prepare(sql);
    st.bind(1, *first).bind(2, slice.limit);
    if (use_promo) st.bind(3, bool_text(*use_promo));
    while (st.step()) {
        r.ids.push_back(st.integer(0));
        r.values.push_back(st.integer(1));
    }
    return r;
}

// Calls f(product_id, variant_id, value) for the variants of the page's products, by id. The
// page is every product from its first id to its last in this snapshot, so a range scan of
// variants(product_id, id) finds exactly their variants in one statement.
template <class F>
void read_variants(Connection& conn, const char* sql, const PageRange& r, F&& f) {
    if (r.ids.empty()) return;
    auto st = conn.prepare(sql);
    st.bind(1, r.ids.front()).bind(2, r.ids.back());
    while (st.step()) f(st.integer(0), st.integer(1), st.integer(2));
}

// Index of `product_id` in the ascending `ids` of the page.
std::size_t index_of(const std::vector<Id>& ids, Id product_id) {
    return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), product_id) -
                                    ids.begin());
}

}  // namespace

std::vector<StockRow> PgCatalog::stock_page(Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    PageRange r = read_page(*conn, ids_,
                            "SELECT id, quantity FROM products WHERE id >= $1::bigint"
                            " ORDER BY id LIMIT $2::bigint",
                            slice, {});
    std::vector<StockRow> rows(r.ids.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = StockRow{r.ids[i], r.values[i], {}};
    read_variants(*conn,
                  "SELECT product_id, id, stock FROM variants"
                  " WHERE product_id BETWEEN $1::bigint AND $2::bigint ORDER BY product_id, id",
                  r, [&](Id product, Id variant, std::int64_t stock) {
                      rows[index_of(r.ids, product)].variants.emplace_back(variant, stock);
                  });
    return rows;
}

std::vector<PriceRow> PgCatalog::price_page(Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    static const std::string sql = "SELECT p.id, " + reported_price("$3::boolean") +
                                   " FROM products p WHERE p.id >= $1::bigint ORDER BY p.id"
                                   " LIMIT $2::bigint";
    PageRange r = read_page(*conn, ids_, sql, slice, use_promo_);
    std::vector<PriceRow> rows(r.ids.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = PriceRow{r.ids[i], core::Money::from_minor(r.values[i]), {}};
    read_variants(*conn,
                  "SELECT product_id, id, price FROM variants"
                  " WHERE product_id BETWEEN $1::bigint AND $2::bigint ORDER BY product_id, id",
                  r, [&](Id product, Id variant, std::int64_t price) {
                      rows[index_of(r.ids, product)].variants.emplace_back(
                          variant, core::Money::from_minor(price));
                  });
    return rows;
}

}  // namespace store::postgres
