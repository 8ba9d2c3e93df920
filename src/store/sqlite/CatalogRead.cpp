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

ProductListPage SqliteCatalog::list_products(const ProductFilter& filter, Slice slice) {
    ListQuery q = make_list_query(filter);
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // the total and the rows come from one snapshot
    ProductListPage page;
    {
        auto count = conn->prepare(q.count_sql);
        bind_list_query(count, filter, use_promo_, nullptr);
        count.step_row();
        page.total = count.integer(0);
    }
    auto st = conn->prepare(q.page_sql);
    bind_list_query(st, filter, use_promo_, &slice);
    while (st.step()) {
        page.rows.push_back(ProductListRow{st.integer(0), st.text(1), st.integer(2),
                                           core::Money::from_minor(st.integer(3)), st.text(4),
                                           st.text(5)});
    }
    return page;
}

std::int64_t SqliteCatalog::product_count() {
    auto conn = pool_.acquire();
    auto st = conn->prepare("SELECT COUNT(*) FROM products");
    st.step_row();
    return st.integer(0);
}

namespace {

// Id range of one page of products, in id order; empty when the page is past the end.
struct PageRange {
    std::vector<Id> ids;
    std::vector<std::int64_t> values;
};

// `use_promo` is bound only for statements that report a price.
PageRange read_page(Connection& conn, const char* sql, Slice slice, std::optional<bool> use_promo) {
    auto st = conn.prepare(sql);
    st.bind(1, std::max<std::int64_t>(0, slice.limit))
        .bind(2, std::max<std::int64_t>(0, slice.offset));
    if (use_promo) st.bind(3, *use_promo);
    PageRange r;
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
    PageRange r = read_page(
        *conn, "SELECT id, quantity FROM products ORDER BY id LIMIT ?1 OFFSET ?2", slice, {});
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
        *conn,
        "SELECT p.id, " BLC_REPORTED_PRICE(3) " FROM products p ORDER BY p.id LIMIT ?1 OFFSET ?2",
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
