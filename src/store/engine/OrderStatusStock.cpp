// A status change and the stock it moves: entering a cancelled status gives back what the order
// holds (per the ledger), leaving it takes the stock again through OrderAdd's plan. Exactly once
// per transition: orders.stock_returned flips with a guarded UPDATE on the order's row, which
// the caller holds locked, so toggles from any number of connections apply one after the other.
#include "store/engine/OrderRules.h"

namespace store::engine::orders {
namespace {

// Marks the order's stock as returned; false when it already was.
bool claim_return(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "UPDATE orders SET stock_returned = TRUE WHERE id = ?1 AND NOT stock_returned");
    st.bind(1, order_id);
    st.run();
    return st.affected() == 1;
}

// Marks a returned order as holding again; true when it was returned and took stock when added.
bool claim_retake(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "UPDATE orders SET stock_returned = FALSE WHERE id = ?1 AND stock_returned"
        " RETURNING takes_stock");
    st.bind(1, order_id);
    return st.step() && st.boolean(0);
}

}  // namespace

void record_status(Connection& conn, Id order_id, std::optional<Id> from, Id to,
                   const std::string& actor, const std::string& note, std::int64_t now) {
    conn.prepare(
            "INSERT INTO order_status_history (order_id, at, from_status, to_status, actor, note)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, order_id)
        .bind(2, now)
        .bind(3, from)
        .bind(4, to)
        .bind(5, actor)
        .bind(6, note)
        .run();
}

namespace {

// The order's lines in position order (a line's index is its position).
struct StockLines {
    std::vector<Id> ids;
    std::vector<std::optional<StockKey>> keys;
    std::vector<std::int64_t> quantities;
};

StockLines read_stock_lines(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT id, product_id, variant_id, quantity FROM order_lines WHERE order_id = ?1"
        " ORDER BY position");
    st.bind(1, order_id);
    StockLines lines;
    while (st.step()) {
        lines.ids.push_back(st.integer(0));
        lines.keys.push_back(st.is_null(1) ? std::nullopt
                                           : std::optional(StockKey{st.integer(1), st.integer(2)}));
        lines.quantities.push_back(st.integer(3));
    }
    return lines;
}

// The lines' counters after a retake, in one statement.
void write_line_counters(Port& port, Connection& conn, const StockLines& lines,
                         const std::vector<LineShare>& shares) {
    Rows rows({ColumnType::Integer, ColumnType::Integer, ColumnType::Integer});
    for (std::size_t i = 0; i < lines.ids.size(); ++i)
        rows.add(lines.ids[i]).add(shares[i].taken).add(shares[i].oversold);
    if (rows.size() == 0) return;
    auto st = conn.prepare("UPDATE order_lines SET stock_taken = r.c1, oversold = r.c2 FROM " +
                           port.rows_relation(conn, rows.types(), 1, "r") +
                           " WHERE order_lines.id = r.c0");
    port.bind_rows(conn, st, 1, rows);
    st.run();
}

std::string units_text(std::int64_t units) {
    return std::to_string(units) + (units == 1 ? " unit" : " units");
}

// Everything the order holds goes back; each line's share is its entry, and what no line
// accounts for goes back on no line. The lines hold and lack nothing afterwards.
StockTransition return_stock(Port& port, Connection& conn, Id order_id, const std::string& actor,
                             std::string_view reason, std::int64_t now) {
    StockTransition t;
    const StockMap held = held_stock(conn, order_id);
    if (!held.empty()) {
        const StockLines lines = read_stock_lines(conn, order_id);
        auto entries =
            line_entries(lines.keys, share_lines(lines.keys, lines.quantities, held, false), 1);
        StockMap rest = held;
        for (const auto& e : entries) rest[e.key] -= e.delta;
        for (const auto& [key, units] : rest)
            if (units > 0) entries.push_back(LedgerEntry{std::nullopt, key, units});
        lock_stock(port, conn, held);
        move_stock(port, conn, return_all(held));
        record_moves(port, conn, order_id, entries, reason, actor, now);
        for (const auto& [key, units] : held) t.units += units;
        t.returned = true;
        t.note = "stock returned: " + units_text(t.units);
    }
    conn.prepare("UPDATE order_lines SET stock_taken = 0, oversold = 0 WHERE order_id = ?1")
        .bind(1, order_id)
        .run();
    return t;
}

// What OrderAdd with change_products_quantity = 1 would take for the lines, now: the rows
// locked in the global order, what is available taken, the rest oversold on the lines. A line
// whose product or variant was deleted meanwhile takes nothing.
StockTransition retake_stock(Port& port, Connection& conn, Id order_id, const std::string& actor,
                             std::int64_t now) {
    StockTransition t;
    StockLines lines = read_stock_lines(conn, order_id);
    const StockMap held = held_stock(conn, order_id);  // nothing, unless hands edited the ledger
    StockMap touched = held;
    for (const auto& [key, units] : wanted_units(lines.keys, lines.quantities))
        touched.try_emplace(key, 0);
    if (touched.empty()) return t;  // free lines only: nothing to take
    const StockMap available = lock_stock(port, conn, touched);
    std::int64_t gone = 0;
    for (auto& key : lines.keys)
        if (key && !available.count(*key)) key.reset(), ++gone;
    const StockPlan plan =
        plan_stock(held, wanted_units(lines.keys, lines.quantities), available, true);
    move_stock(port, conn, plan.moves);
    const auto shares = share_lines(lines.keys, lines.quantities, plan.holding, true);
    record_moves(
        port, conn, order_id,
        held.empty() ? line_entries(lines.keys, shares, -1) : key_entries(plan.moves, lines.keys),
        "revived", actor, now);
    write_line_counters(port, conn, lines, shares);
    for (const auto& share : shares) t.units += share.taken, t.oversold += share.oversold;
    t.retaken = true;
    t.note = "stock taken again: " + units_text(t.units);
    if (t.oversold > 0) t.note += ", " + std::to_string(t.oversold) + " oversold";
    if (gone > 0)
        t.note += "; " + std::to_string(gone) + (gone == 1 ? " line" : " lines") +
                  " took nothing: product deleted";
    return t;
}

}  // namespace

StockTransition enter_status(Port& port, Connection& conn, Id order_id, std::optional<Id> from,
                             Id to, bool cancelled, const std::string& actor, std::int64_t now) {
    if (from)  // a new order (no `from`) was inserted with its first status
        conn.prepare("UPDATE orders SET status_id = ?1, updated_at = ?2 WHERE id = ?3")
            .bind(1, to)
            .bind(2, now)
            .bind(3, order_id)
            .run();
    StockTransition t;
    if (cancelled) {
        if (claim_return(conn, order_id))
            t = return_stock(port, conn, order_id, actor, "cancelled", now);
        t.cancelled = true;
    } else if (from && claim_retake(conn, order_id)) {
        t = retake_stock(port, conn, order_id, actor, now);
    }
    record_status(conn, order_id, from, to, actor, t.note, now);
    return t;
}

void enter_hold(Port& port, Connection& conn, Id order_id, std::optional<Id> from,
                const std::string& actor, std::int64_t now) {
    const Id hold = hold_status(conn);
    if (from)
        conn.prepare("UPDATE orders SET status_id = ?1, updated_at = ?2 WHERE id = ?3")
            .bind(1, hold)
            .bind(2, now)
            .bind(3, order_id)
            .run();
    std::string note = "on hold";
    if (claim_return(conn, order_id)) {
        const StockTransition t = return_stock(port, conn, order_id, actor, "held", now);
        if (t.returned) note += "; " + t.note;
    }
    record_status(conn, order_id, from, hold, actor, note, now);
}

}  // namespace store::engine::orders
