// ProductsData: one statement per related set for all requested products, never one per product;
// the requested ids travel as one parameter ?1 (Dialect::ids / in_ids).
#include <algorithm>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/Store.h"
#include "store/engine/Catalog.h"
#include "store/engine/CategoryTree.h"

namespace store::engine {

namespace details_detail {
namespace {

// The requested products, in request order, with an index by id.
struct DetailSet {
    std::vector<ProductDetail> products;
    std::unordered_map<Id, std::size_t> index;
    std::unordered_map<Id, std::pair<std::size_t, std::size_t>> variant_index;

    ProductDetail* find(Id id) {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &products[it->second];
    }
    VariantDetail* find_variant(Id id) {
        auto it = variant_index.find(id);
        if (it == variant_index.end()) return nullptr;
        return &products[it->second.first].variants[it->second.second];
    }
};

void read_base_row(Statement& st, ProductDetail& p) {
    p.name = st.text(1);
    p.sku = st.text(2);
    p.ean = st.text(3);
    p.model = st.text(4);
    p.quantity = st.integer(5);
    p.price = core::Money::from_minor(st.integer(6));
    p.tax_rate_bp = st.integer(7);
    p.weight_kg = st.real(8);
    p.height_cm = st.real(9);
    p.width_cm = st.real(10);
    p.length_cm = st.real(11);
    p.description = st.text(12);
    for (int i = 0; i < 4; ++i) p.description_extra[i] = st.text(13 + i);
    p.manufacturer_name = st.text(17);
    p.manufacturer_logo = st.text(18);
    if (!st.is_null(19)) p.category_id = st.integer(19);
    p.location = st.text(20);
    p.url = st.text(21);
    p.active = st.integer(22) != 0;  // a boolean reads as 0/1 on both backends
    p.external_id = st.text(23);
}

// Rows of the requested products that exist, in the order of `wanted`.
void read_base(const Dialect& d, Connection& conn, const std::string& ids,
               const std::vector<Id>& wanted, bool full, bool use_promo, DetailSet& set) {
    const std::string base_sql =
        "SELECT p.id, p.name, p.sku, p.ean, p.model, p.quantity, " +
        reported_price("CAST(?2 AS BOOLEAN)") +
        ", p.tax_rate_bp, p.weight, p.height, p.width, p.length, p.description,"
        " p.description_extra1, p.description_extra2, p.description_extra3,"
        " p.description_extra4, COALESCE(m.name, ''), COALESCE(m.logo_url, ''),"
        " p.category_id, p.location, p.url, p.active, COALESCE(p.external_id, '')"
        " FROM products p LEFT JOIN manufacturers m ON m.id = p.manufacturer_id"
        " WHERE p.id" +
        d.in_ids(1);
    const std::string ids_sql = std::string("SELECT id FROM products WHERE id") + d.in_ids(1);
    std::unordered_map<Id, ProductDetail> found;
    if (full) {
        auto st = conn.prepare(base_sql);
        st.bind(1, ids).bind(2, use_promo);
        while (st.step()) {
            ProductDetail& p = found[st.integer(0)];
            p.id = st.integer(0);
            read_base_row(st, p);
        }
    } else {
        auto st = conn.prepare(ids_sql);
        st.bind(1, ids);
        while (st.step()) found[st.integer(0)].id = st.integer(0);
    }
    for (Id id : wanted) {
        auto it = found.find(id);
        if (it == found.end()) continue;
        set.index[id] = set.products.size();
        set.products.push_back(std::move(it->second));
    }
}

// Each product's category path, and its listed category with that one's path, from the whole
// category tree (read once for all products).
void read_categories(Connection& conn, DetailSet& set) {
    if (std::none_of(set.products.begin(), set.products.end(),
                     [](const ProductDetail& p) { return p.category_id.has_value(); }))
        return;
    const CategoryTree tree = CategoryTree::read(conn);
    for (ProductDetail& p : set.products) {
        if (!p.category_id) continue;
        p.category_path = tree.path(*p.category_id);
        p.listed_category_id = tree.listed_category(*p.category_id);
        if (p.listed_category_id) p.listed_category_path = tree.path(*p.listed_category_id);
    }
}

// Each row of `sql` (whose ?1 is the id list) passed to `f`.
template <class F>
void for_each_row(Connection& conn, const std::string& sql, const std::string& ids, F&& f) {
    auto st = conn.prepare(sql);
    st.bind(1, ids);
    while (st.step()) f(st);
}

// `head` + membership in the id list + `tail`: built once per statement (function statics).
std::string in_ids(const Dialect& d, const char* head, const char* tail) {
    return std::string(head) + d.in_ids(1) + tail;
}

void read_variants(const Dialect& d, Connection& conn, const std::string& ids, DetailSet& set) {
    const std::string sql =
        in_ids(d,
               "SELECT product_id, id, name, price, stock, sku, ean FROM variants"
               " WHERE product_id",
               " ORDER BY product_id, id");
    for_each_row(conn, sql, ids, [&](auto& st) {
        ProductDetail* p = set.find(st.integer(0));
        if (!p) return;
        VariantDetail v;
        v.id = st.integer(1);
        v.name = st.text(2);
        v.price = core::Money::from_minor(st.integer(3));
        v.quantity = st.integer(4);
        v.sku = st.text(5);
        v.ean = st.text(6);
        set.variant_index[v.id] = {set.index[p->id], p->variants.size()};
        p->variants.push_back(std::move(v));
    });
}

void read_product_extras(const Dialect& d, Connection& conn, const std::string& ids,
                         DetailParts parts, DetailSet& set) {
    const std::string images_sql =
        in_ids(d, "SELECT product_id, url FROM product_images WHERE product_id",
               " ORDER BY product_id, position");
    const std::string features_sql =
        in_ids(d, "SELECT product_id, name, value FROM product_features WHERE product_id",
               " ORDER BY product_id, position");
    if (parts.images)
        for_each_row(conn, images_sql, ids, [&](auto& st) {
            if (auto* p = set.find(st.integer(0))) p->images.push_back(st.text(1));
        });
    if (parts.features)
        for_each_row(conn, features_sql, ids, [&](auto& st) {
            if (auto* p = set.find(st.integer(0)))
                p->features.push_back(Feature{st.text(1), st.text(2)});
        });
}

// A variant's images and features belong to the variant entry, so they come with variants.
void read_variant_extras(const Dialect& d, Connection& conn, const std::string& ids,
                         DetailSet& set) {
    const std::string images_sql =
        in_ids(d,
               "SELECT vi.variant_id, vi.url FROM variants v"
               " JOIN variant_images vi ON vi.variant_id = v.id WHERE v.product_id",
               " ORDER BY vi.variant_id, vi.position");
    const std::string features_sql =
        in_ids(d,
               "SELECT vf.variant_id, vf.name, vf.value FROM variants v"
               " JOIN variant_features vf ON vf.variant_id = v.id WHERE v.product_id",
               " ORDER BY vf.variant_id, vf.position");
    for_each_row(conn, images_sql, ids, [&](auto& st) {
        if (auto* v = set.find_variant(st.integer(0))) v->images.push_back(st.text(1));
    });
    for_each_row(conn, features_sql, ids, [&](auto& st) {
        if (auto* v = set.find_variant(st.integer(0)))
            v->features.push_back(Feature{st.text(1), st.text(2)});
    });
}

std::vector<Id> unique_in_order(std::span<const Id> ids) {
    std::vector<Id> out;
    std::unordered_set<Id> seen;
    for (Id id : ids)
        if (seen.insert(id).second) out.push_back(id);
    return out;
}

}  // namespace
}  // namespace details_detail

std::vector<ProductDetail> Catalog::product_details(std::span<const Id> ids, DetailParts parts) {
    using namespace details_detail;
    std::vector<Id> wanted = unique_in_order(ids);
    if (wanted.empty()) return {};
    const Dialect& d = port_.dialect();
    const bool use_promo = use_promo_;
    const std::string id_list = d.ids(wanted);
    auto conn = port_.acquire();
    Transaction tx(*conn, TxKind::Read);  // all parts from one snapshot
    DetailSet set;
    read_base(d, *conn, id_list, wanted, parts.base, use_promo, set);
    if (set.products.empty()) return {};
    if (parts.base) read_categories(*conn, set);
    read_product_extras(d, *conn, id_list, parts, set);
    if (parts.variants) {
        read_variants(d, *conn, id_list, set);
        read_variant_extras(d, *conn, id_list, set);
    }
    return std::move(set.products);
}

}  // namespace store::engine
