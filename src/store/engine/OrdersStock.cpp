// Stock rows of orders: binding a line to a stock row, locking and moving stock, status flags.
#include <set>

#include "store/engine/OrderRules.h"

namespace store::engine::orders {
namespace {

// By a code column (sku or ean): a product without variants first, then a variant; the lowest
// id wins when a code is shared.
std::optional<StockKey> by_code(Connection& conn, const char* product_sql, const char* variant_sql,
                                const std::string& code) {
    if (code.empty()) return std::nullopt;
    auto p = conn.prepare(product_sql);
    p.bind(1, code);
    if (p.step()) return StockKey{p.integer(0), 0};
    auto v = conn.prepare(variant_sql);
    v.bind(1, code);
    if (v.step()) return StockKey{v.integer(0), v.integer(1)};
    return std::nullopt;
}

// Then (when allowed) by sku, then by ean.
std::optional<StockKey> by_codes(Connection& conn, const OrderLineInput& line) {
    if (auto key = by_code(
            conn,
            "SELECT id FROM products WHERE sku = ?1 AND variant_count = 0 ORDER BY id LIMIT 1",
            "SELECT product_id, id FROM variants WHERE sku = ?1 ORDER BY id LIMIT 1", line.sku))
        return key;
    return by_code(
        conn, "SELECT id FROM products WHERE ean = ?1 AND variant_count = 0 ORDER BY id LIMIT 1",
        "SELECT product_id, id FROM variants WHERE ean = ?1 ORDER BY id LIMIT 1", line.ean);
}

}  // namespace

std::vector<std::optional<StockKey>> bind_lines(Port& port, Connection& conn,
                                                std::span<const OrderLineInput> lines,
                                                bool match_by_codes) {
    // By id, every line in one statement: a product without variants with variant 0, or a
    // variant of that product. Variant 0 of a product that has variants names nothing that
    // holds stock, so it does not bind.
    std::vector<Id> product_ids, variant_ids;
    for (const auto& line : lines)
        if (line.product_id)
            (line.variant_id == 0 ? product_ids : variant_ids)
                .push_back(line.variant_id == 0 ? *line.product_id : line.variant_id);
    std::set<StockKey> known;
    if (!product_ids.empty() || !variant_ids.empty()) {
        const Dialect& d = port.dialect();
        auto st = conn.prepare("SELECT id, 0 FROM products WHERE id" + d.in_ids(1) +
                               " AND variant_count = 0 UNION ALL SELECT product_id, id FROM"
                               " variants WHERE id" +
                               d.in_ids(2));
        st.bind(1, d.ids(product_ids)).bind(2, d.ids(variant_ids));
        while (st.step()) known.insert(StockKey{st.integer(0), st.integer(1)});
    }
    std::vector<std::optional<StockKey>> keys;
    keys.reserve(lines.size());
    for (const auto& line : lines) {
        if (line.product_id) {
            const StockKey key{*line.product_id, line.variant_id};
            if (known.count(key)) {
                keys.push_back(key);
                continue;
            }
        }
        keys.push_back(match_by_codes ? by_codes(conn, line) : std::nullopt);
    }
    return keys;
}

StockMap lock_stock(Port& port, Connection& conn, const StockMap& keys) {
    std::vector<Id> variants, products;
    for (const auto& [key, units] : keys)
        (key.variant_id != 0 ? variants : products)
            .push_back(key.variant_id != 0 ? key.variant_id : key.product_id);
    if (variants.empty() && products.empty()) return {};
    const Dialect& d = port.dialect();
    // One statement for both tables: the first part is read (and locked) to its end before the
    // second starts, so the variants are locked before the products, each in id order. A
    // product that has variants holds no stock of its own (variant_count = 0 only).
    auto st = conn.prepare("WITH v AS (SELECT product_id, id, stock FROM variants WHERE id" +
                           d.in_ids(1) + " ORDER BY id" + d.lock_rows() +
                           "), p AS (SELECT id, 0 AS variant_id, quantity FROM products WHERE id" +
                           d.in_ids(2) + " AND variant_count = 0 ORDER BY id" + d.lock_rows() +
                           ") SELECT * FROM v UNION ALL SELECT * FROM p");
    st.bind(1, d.ids(variants)).bind(2, d.ids(products));
    StockMap stock;
    while (st.step()) {
        const StockKey key{st.integer(0), st.integer(1)};
        if (keys.count(key)) stock[key] = st.integer(2);
    }
    return stock;
}

void move_stock(Port& port, Connection& conn, const StockMap& moves) {
    Rows variants({ColumnType::Integer, ColumnType::Integer, ColumnType::Integer});
    Rows products({ColumnType::Integer, ColumnType::Integer});
    for (const auto& [key, delta] : moves) {
        if (delta == 0) continue;
        if (key.variant_id != 0)
            variants.add(key.variant_id).add(key.product_id).add(delta);
        else
            products.add(key.product_id).add(delta);
    }
    if (variants.size() > 0) {
        auto st = conn.prepare("UPDATE variants SET stock = variants.stock + r.c2 FROM " +
                               port.rows_relation(conn, variants.types(), 1, "r") +
                               " WHERE variants.id = r.c0 AND variants.product_id = r.c1");
        port.bind_rows(conn, st, 1, variants);
        st.run();
    }
    if (products.size() > 0) {
        auto st = conn.prepare("UPDATE products SET quantity = products.quantity + r.c1 FROM " +
                               port.rows_relation(conn, products.types(), 1, "r") +
                               " WHERE products.id = r.c0 AND products.variant_count = 0");
        port.bind_rows(conn, st, 1, products);
        st.run();
    }
}

StatusInfo status_info(Connection& conn, Id status_id) {
    auto st = conn.prepare("SELECT cancelled, on_hold FROM order_statuses WHERE id = ?1");
    st.bind(1, status_id);
    if (!st.step()) return {};
    return StatusInfo{true, st.boolean(0), st.boolean(1)};
}

const char* origin_text(OrderOrigin origin) {
    return origin == OrderOrigin::Shop ? "shop" : "baselinker";
}

OrderOrigin origin_from(std::string_view text) {
    return text == "shop" ? OrderOrigin::Shop : OrderOrigin::BaseLinker;
}

}  // namespace store::engine::orders
