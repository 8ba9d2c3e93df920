#pragma once
// Binding an order line to the catalogue, the same rules and SQL for both backends.
#include <optional>
#include <string>

#include "store/OrderTypes.h"

namespace store::sql {

namespace bind_detail {

// By id: a product without variants with variant 0, or a variant of that product. Variant 0 of
// a product that has variants names nothing that holds stock, so it does not bind.
template <class Key, class Conn>
std::optional<Key> by_id(Conn& conn, Id product_id, Id variant_id) {
    if (variant_id == 0) {
        auto st = conn.prepare("SELECT 1 FROM products WHERE id = ?1 AND variant_count = 0");
        st.bind(1, product_id);
        if (st.step()) return Key{product_id, 0};
        return std::nullopt;
    }
    auto st = conn.prepare("SELECT 1 FROM variants WHERE id = ?1 AND product_id = ?2");
    st.bind(1, variant_id).bind(2, product_id);
    if (st.step()) return Key{product_id, variant_id};
    return std::nullopt;
}

// By a code column (sku or ean): a product without variants first, then a variant; the lowest
// id wins when an ean is shared.
template <class Key, class Conn>
std::optional<Key> by_code(Conn& conn, const char* product_sql, const char* variant_sql,
                           const std::string& code) {
    if (code.empty()) return std::nullopt;
    auto p = conn.prepare(product_sql);
    p.bind(1, code);
    if (p.step()) return Key{p.integer(0), 0};
    auto v = conn.prepare(variant_sql);
    v.bind(1, code);
    if (v.step()) return Key{v.integer(0), v.integer(1)};
    return std::nullopt;
}

}  // namespace bind_detail

// Binds a line to the catalogue: id + variant_id, then (if allowed) sku, then ean. `Key` is the
// backend's StockKey {product_id, variant_id}.
template <class Key, class Conn>
std::optional<Key> bind_line(Conn& conn, const OrderLineInput& line, bool match_by_codes) {
    using namespace bind_detail;
    if (line.product_id)
        if (auto key = by_id<Key>(conn, *line.product_id, line.variant_id)) return key;
    if (!match_by_codes) return std::nullopt;
    if (auto key = by_code<Key>(
            conn,
            "SELECT id FROM products WHERE sku = ?1 AND variant_count = 0 ORDER BY id LIMIT 1",
            "SELECT product_id, id FROM variants WHERE sku = ?1 ORDER BY id LIMIT 1", line.sku))
        return key;
    return by_code<Key>(
        conn, "SELECT id FROM products WHERE ean = ?1 AND variant_count = 0 ORDER BY id LIMIT 1",
        "SELECT product_id, id FROM variants WHERE ean = ?1 ORDER BY id LIMIT 1", line.ean);
}

}  // namespace store::sql
