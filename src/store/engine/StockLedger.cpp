// The stock ledger: every stock movement an order causes is one row of stock_moves, and what
// an order holds is read from there only (held_stock). The audit compares it with the lines'
// own counters, which the line writes keep.
#include "store/engine/OrderRules.h"

namespace store::engine::orders {

std::vector<LedgerEntry> line_entries(std::span<const std::optional<StockKey>> keys,
                                      std::span<const LineShare> shares, int sign) {
    std::vector<LedgerEntry> out;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] && shares[i].taken != 0)
            out.push_back(
                LedgerEntry{static_cast<std::int64_t>(i), *keys[i], sign * shares[i].taken});
    return out;
}

std::vector<LedgerEntry> key_entries(const StockMap& moves,
                                     std::span<const std::optional<StockKey>> keys) {
    std::vector<LedgerEntry> out;
    for (const auto& [key, delta] : moves) {
        LedgerEntry entry{std::nullopt, key, delta};
        for (std::size_t i = 0; i < keys.size() && !entry.line_position; ++i)
            if (keys[i] == key) entry.line_position = static_cast<std::int64_t>(i);
        out.push_back(entry);
    }
    return out;
}

void record_moves(Port& port, Connection& conn, Id order_id, std::span<const LedgerEntry> entries,
                  std::string_view reason, const std::string& actor, std::int64_t now) {
    using T = ColumnType;
    Rows rows({T::Integer, T::Integer, T::Integer, T::Integer});
    for (const auto& e : entries)
        if (e.delta != 0)
            rows.add_optional(e.line_position)
                .add(e.key.product_id)
                .add(e.key.variant_id)
                .add(e.delta);
    if (rows.size() == 0) return;
    auto st = conn.prepare(
        "INSERT INTO stock_moves (order_id, line_position, product_id, variant_id, delta, reason,"
        " actor, at) SELECT CAST(?1 AS BIGINT), r.c0, r.c1, r.c2, r.c3, CAST(?2 AS TEXT),"
        " CAST(?3 AS TEXT), CAST(?4 AS BIGINT) FROM " +
        port.rows_relation(conn, rows.types(), 5, "r") + port.in_row_order("r"));
    st.bind(1, order_id).bind(2, reason).bind(3, actor).bind(4, now);
    port.bind_rows(conn, st, 5, rows);
    st.run();
}

StockMap held_stock(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT product_id, variant_id, -SUM(delta) FROM stock_moves WHERE order_id = ?1"
        " GROUP BY product_id, variant_id HAVING SUM(delta) < 0");
    st.bind(1, order_id);
    StockMap out;
    while (st.step()) out[StockKey{st.integer(0), st.integer(1)}] = st.integer(2);
    return out;
}

std::vector<StockMove> read_stock_moves(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT id, line_position, product_id, variant_id, delta, reason, actor, at"
        " FROM stock_moves WHERE order_id = ?1 ORDER BY id");
    st.bind(1, order_id);
    std::vector<StockMove> out;
    while (st.step())
        out.push_back(StockMove{st.integer(0), st.optional_integer(1), st.integer(2), st.integer(3),
                                st.integer(4), st.text(5), st.text(6), st.integer(7)});
    return out;
}

StockAudit audit_stock(Connection& conn) {
    StockAudit audit;
    auto counts = conn.prepare("SELECT (SELECT COUNT(*) FROM orders), COUNT(*) FROM stock_moves");
    counts.step_row();
    audit.orders = counts.integer(0);
    audit.entries = counts.integer(1);
    // Both sides per order and key in one pass; a key only one side knows counts 0 on the other.
    auto st = conn.prepare(
        "SELECT order_id, product_id, variant_id, SUM(ledger), SUM(lines) FROM ("
        " SELECT order_id, product_id, variant_id, -delta AS ledger, 0 AS lines FROM stock_moves"
        " UNION ALL SELECT order_id, product_id, variant_id, 0, stock_taken FROM order_lines"
        " WHERE product_id IS NOT NULL AND stock_taken <> 0) AS held"
        " GROUP BY order_id, product_id, variant_id HAVING SUM(ledger) <> SUM(lines)"
        " ORDER BY order_id, product_id, variant_id");
    while (st.step())
        audit.differences.push_back(StockAuditDifference{
            st.integer(0), st.integer(1), st.integer(2), st.integer(3), st.integer(4)});
    return audit;
}

}  // namespace store::engine::orders
