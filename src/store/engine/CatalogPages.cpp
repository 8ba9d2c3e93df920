// Catalogue reads: the active category paths, the product count, the stock and price pages
// (keyset paging on the cached id list) and the product listing with its filters.
#include <algorithm>

#include "core/Text.h"
#include "store/engine/Catalog.h"
#include "store/engine/CategoryTree.h"
#include "store/engine/Params.h"

namespace store::engine {

std::string reported_price(std::string_view flag) {
    return "(CASE WHEN " + std::string(flag) +
           " AND p.promo_price IS NOT NULL THEN p.promo_price ELSE p.price END)";
}

std::vector<CategoryPath> Catalog::active_category_paths() {
    // A category under an inactive ancestor is never listed (CategoryTree).
    auto listed =
        read(port_, [](Connection& conn) { return CategoryTree::read(conn).listed_paths(); });
    struct Keyed {
        std::string key;
        CategoryPath path;
    };
    std::vector<Keyed> rows;
    rows.reserve(listed.size());
    for (auto& p : listed) {
        // Folded in C++: SQLite's lower() knows only ASCII ("Łazienka" sorts with "łóżka"), and
        // PostgreSQL then gives the same order whatever the database's collation.
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

std::int64_t Catalog::product_count() {
    return read(port_, [&](Connection& conn) {
        return static_cast<std::int64_t>(ids_.current(conn)->size());
    });
}

namespace {

// One page of products in id order: their ids and one value each (stock or price), and how
// many products the catalogue has in the same snapshot.
struct PageRange {
    std::vector<Id> ids;
    std::vector<std::int64_t> values;
    std::int64_t total = 0;
};

// `sql` reads ?2 rows from id ?1 on; `use_promo` is bound as ?3 only for statements that report
// a price.
PageRange read_page(Connection& conn, ProductIds& product_ids, const std::string& sql, Slice slice,
                    std::optional<bool> use_promo) {
    PageRange r;
    const auto ids = product_ids.current(conn);
    r.total = static_cast<std::int64_t>(ids->size());
    const auto first = first_id_of(*ids, slice.offset, false);
    if (!first || slice.limit <= 0) return r;
    auto st = conn.prepare(sql);
    st.bind(1, *first).bind(2, slice.limit);
    if (use_promo) st.bind(3, *use_promo);
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

StockPage Catalog::stock_page(Slice slice) {
    return read(port_, [&](Connection& conn) {
        PageRange r = read_page(conn, ids_,
                                "SELECT id, quantity FROM products WHERE id >= ?1 ORDER BY id"
                                " LIMIT ?2",
                                slice, {});
        std::vector<StockRow> rows(r.ids.size());
        for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = StockRow{r.ids[i], r.values[i], {}};
        read_variants(conn,
                      "SELECT product_id, id, stock FROM variants"
                      " WHERE product_id BETWEEN ?1 AND ?2 ORDER BY product_id, id",
                      r, [&](Id product, Id variant, std::int64_t stock) {
                          rows[index_of(r.ids, product)].variants.emplace_back(variant, stock);
                      });
        return StockPage{std::move(rows), r.total};
    });
}

PricePage Catalog::price_page(Slice slice) {
    const std::string sql = "SELECT p.id, " + reported_price("CAST(?3 AS BOOLEAN)") +
                            " FROM products p WHERE p.id >= ?1 ORDER BY p.id LIMIT ?2";
    return read(port_, [&](Connection& conn) {
        PageRange r = read_page(conn, ids_, sql, slice, use_promo_);
        std::vector<PriceRow> rows(r.ids.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i] = PriceRow{r.ids[i], core::Money::from_minor(r.values[i]), {}};
        read_variants(conn,
                      "SELECT product_id, id, price FROM variants"
                      " WHERE product_id BETWEEN ?1 AND ?2 ORDER BY product_id, id",
                      r, [&](Id product, Id variant, std::int64_t price) {
                          rows[index_of(r.ids, product)].variants.emplace_back(
                              variant, core::Money::from_minor(price));
                      });
        return PricePage{std::move(rows), r.total};
    });
}

}  // namespace store::engine
