// Category paths, listings, counts, stock and price pages.
#include <algorithm>

#include "core/Text.h"
#include "store/sqlite/Catalog.h"
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

std::vector<CategoryPath> SqliteCatalog::active_category_paths() {
    auto conn = pool_.acquire();
    // Walks down from active roots through active children only, so a category under an
    // inactive ancestor never appears. The depth bound stops a cycle a bad import could make.
    auto st = conn->prepare(
        "WITH RECURSIVE tree(id, path, depth) AS ("
        " SELECT id, name, 0 FROM categories WHERE parent_id IS NULL AND active = 1"
        " UNION ALL"
        " SELECT c.id, tree.path || '/' || c.name, tree.depth + 1"
        " FROM categories c JOIN tree ON c.parent_id = tree.id"
        " WHERE c.active = 1 AND tree.depth < 64)"
        " SELECT id, path FROM tree");
    struct Keyed {
        std::string key;
        CategoryPath path;
    };
    std::vector<Keyed> rows;
    while (st.step()) {
        CategoryPath p{st.integer(0), st.text(1)};
        // SQLite's lower() knows only ASCII; fold in C++ so "Łazienka" sorts with "łóżka".
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

std::int64_t SqliteCatalog::product_count() {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    return static_cast<std::int64_t>(ids_.current(*conn)->size());
}

namespace {

// Id range of one page of products, in id order; empty when the page is past the end.
struct PageRange {
    std::vector<Id> ids;
    std::vector<std::int64_t> values;
};

// `sql` reads ?1 rows from id ?2 on; `use_promo` is bound only for statements that report a
// price.
PageRange read_page(Connection& conn, ProductIds& product_ids, const char* sql, Slice slice,
                    std::optional<bool> use_promo) {
    PageRange r;
    const auto first = first_id_of(*product_ids.current(conn), slice.offset, false);
    if (!first || slice.limit <= 0) return r;
    auto st = conn.prepare(sql);
    st.bind(1, slice.limit).bind(2, *first);
    if (use_promo) st.bind(3, *use_promo);
    while (st.step()) {
        r.ids.push_back(st.integer(0));
        r.values.push_back(st.integer(1));
    }
    return r;
}

// Calls f(product_id, variant_id, value) for the variants of products first..last, by id.
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

std::vector<StockRow> SqliteCatalog::stock_page(Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    PageRange r = read_page(*conn, ids_,
                            "SELECT id, quantity FROM products WHERE id >= ?2 ORDER BY id LIMIT ?1",
                            slice, {});
    std::vector<StockRow> rows(r.ids.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = StockRow{r.ids[i], r.values[i], {}};
    read_variants(*conn,
                  "SELECT product_id, id, stock FROM variants"
                  " WHERE product_id BETWEEN ?1 AND ?2 ORDER BY product_id, id",
                  r, [&](Id product, Id variant, std::int64_t stock) {
                      rows[index_of(r.ids, product)].variants.emplace_back(variant, stock);
                  });
    return rows;
}

std::vector<PriceRow> SqliteCatalog::price_page(Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    PageRange r = read_page(
        *conn, ids_,
        "SELECT p.id, " BLC_REPORTED_PRICE(3) " FROM products p WHERE p.id >= ?2 ORDER BY p.id"
        " LIMIT ?1",
        slice, use_promo_);
    std::vector<PriceRow> rows(r.ids.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = PriceRow{r.ids[i], core::Money::from_minor(r.values[i]), {}};
    read_variants(*conn,
                  "SELECT product_id, id, price FROM variants"
                  " WHERE product_id BETWEEN ?1 AND ?2 ORDER BY product_id, id",
                  r, [&](Id product, Id variant, std::int64_t price) {
                      rows[index_of(r.ids, product)].variants.emplace_back(
                          variant, core::Money::from_minor(price));
                  });
    return rows;
}

}  // namespace store::sqlite
