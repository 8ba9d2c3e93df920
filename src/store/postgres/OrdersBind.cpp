// Binding an order line to the catalogue.
#include "store/postgres/OrdersDetail.h"

namespace store::postgres::orders {
namespace {

// By id: a product without variants with variant 0, or a variant of that product. Variant 0 of
// a product that has variants names nothing that holds stock, so it does not bind.
std::optional<StockKey> by_id(Connection& conn, Id product_id, Id variant_id) {
    if (variant_id == 0) {
        auto st = conn.prepare("SELECT 1 FROM products WHERE id = $1 AND variant_count = 0");
        st.bind(1, product_id);
        if (st.step()) return StockKey{product_id, 0};
        return std::nullopt;
    }
    auto st = conn.prepare("SELECT 1 FROM variants WHERE id = $1 AND product_id = $2");
    st.bind(1, variant_id).bind(2, product_id);
    if (st.step()) return StockKey{product_id, variant_id};
    return std::nullopt;
}

// By a code column (sku or ean): a product without variants first, then a variant; the lowest
// id wins when an ean is shared.
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

}  // namespace

std::optional<StockKey> bind_line(Connection& conn, const OrderLineInput& line,
                                  bool match_by_codes) {
    if (line.product_id)
        if (auto key = by_id(conn, *line.product_id, line.variant_id)) return key;
    if (!match_by_codes) return std::nullopt;
    if (auto key = by_code(
            conn,
            "SELECT id FROM products WHERE sku = $1 AND variant_count = 0 ORDER BY id LIMIT 1",
            "SELECT product_id, id FROM variants WHERE sku = $1 ORDER BY id LIMIT 1", line.sku))
        return key;
    return by_code(
        conn, "SELECT id FROM products WHERE ean = $1 AND variant_count = 0 ORDER BY id LIMIT 1",
        "SELECT product_id, id FROM variants WHERE ean = $1 ORDER BY id LIMIT 1", line.ean);
}

}  // namespace store::postgres::orders
