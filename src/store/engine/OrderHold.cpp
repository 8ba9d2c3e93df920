// The order inbox's rows: an order held for staff keeps the request as received and the problems
// that kept it from becoming a normal order (order_holds, order_hold_problems; migration 009).
// Everything here runs inside the caller's transaction, the order's row locked by the caller.
#include "store/engine/OrderRules.h"

namespace store::engine::orders {

Id hold_status(Connection& conn) {
    auto st = conn.prepare("SELECT id FROM order_statuses WHERE on_hold ORDER BY id LIMIT 1");
    if (!st.step()) throw StoreError("no order status is flagged on_hold (migration 009)");
    return st.integer(0);
}

bool hold_open(Connection& conn, Id order_id) {
    auto st = conn.prepare("SELECT 1 FROM order_holds WHERE order_id = ?1 AND released_at IS NULL");
    st.bind(1, order_id);
    return st.step();
}

void write_hold(Port& port, Connection& conn, Id order_id, const std::string& request,
                std::span<const HoldProblem> problems, std::int64_t now) {
    conn.prepare(
            "INSERT INTO order_holds (order_id, held_at, request) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (order_id) DO UPDATE SET held_at = excluded.held_at,"
            " request = excluded.request, released_at = NULL, released_by = ''")
        .bind(1, order_id)
        .bind(2, now)
        .bind(3, request)
        .run();
    conn.prepare("DELETE FROM order_hold_problems WHERE order_id = ?1").bind(1, order_id).run();
    using T = ColumnType;
    Rows rows({T::Integer, T::Integer, T::Text, T::Text, T::Integer});
    for (std::size_t i = 0; i < problems.size(); ++i)
        rows.add(static_cast<std::int64_t>(i))
            .add_optional(problems[i].line)
            .add(problems[i].field)
            .add(problems[i].message)
            .add(std::int64_t{problems[i].blocking ? 1 : 0});
    if (rows.size() == 0) return;
    auto st = conn.prepare(
        "INSERT INTO order_hold_problems (order_id, position, line, field, message, blocking)"
        " SELECT CAST(?1 AS BIGINT), p.c0, p.c1, p.c2, p.c3, p.c4 <> 0 FROM " +
        port.rows_relation(conn, rows.types(), 2, "p"));
    st.bind(1, order_id);
    port.bind_rows(conn, st, 2, rows);
    st.run();
}

void end_hold(Connection& conn, Id order_id, const std::string& actor, std::int64_t now) {
    conn.prepare(
            "UPDATE order_hold_problems SET resolved_at = ?1, resolved_by = ?2"
            " WHERE order_id = ?3 AND resolved_at IS NULL")
        .bind(1, now)
        .bind(2, actor)
        .bind(3, order_id)
        .run();
    conn.prepare("UPDATE order_holds SET released_at = ?1, released_by = ?2 WHERE order_id = ?3")
        .bind(1, now)
        .bind(2, actor)
        .bind(3, order_id)
        .run();
}

void resolve_problems(Connection& conn, Id order_id, std::int64_t line, std::string_view field,
                      const std::string& actor, std::int64_t now) {
    conn.prepare(
            "UPDATE order_hold_problems SET resolved_at = ?1, resolved_by = ?2"
            " WHERE order_id = ?3 AND line = ?4 AND field = ?5 AND resolved_at IS NULL")
        .bind(1, now)
        .bind(2, actor)
        .bind(3, order_id)
        .bind(4, line)
        .bind(5, field)
        .run();
}

namespace {

std::vector<HoldProblem> read_problems(Connection& conn, Id order_id, bool open_blocking_only) {
    auto st = conn.prepare(
        std::string("SELECT line, field, message, blocking, resolved_at, resolved_by"
                    " FROM order_hold_problems WHERE order_id = ?1") +
        (open_blocking_only ? " AND blocking AND resolved_at IS NULL" : "") + " ORDER BY position");
    st.bind(1, order_id);
    std::vector<HoldProblem> problems;
    while (st.step()) {
        HoldProblem p;
        p.line = st.optional_integer(0);
        p.field = st.text(1);
        p.message = st.text(2);
        p.blocking = st.boolean(3);
        p.resolved_at = st.optional_integer(4).value_or(0);
        p.resolved_by = st.text(5);
        problems.push_back(std::move(p));
    }
    return problems;
}

}  // namespace

std::vector<HoldProblem> open_blocking_problems(Connection& conn, Id order_id) {
    return read_problems(conn, order_id, true);
}

std::optional<OrderHold> read_hold(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT held_at, request, released_at, released_by FROM order_holds WHERE order_id = ?1");
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    OrderHold hold;
    hold.held_at = st.integer(0);
    hold.request = st.text(1);
    hold.released_at = st.optional_integer(2).value_or(0);
    hold.released_by = st.text(3);
    hold.problems = read_problems(conn, order_id, false);
    return hold;
}

HoldProblem unbound_problem(const OrderLineInput& line, std::size_t index) {
    HoldProblem p;
    p.line = static_cast<std::int64_t>(index);
    p.field = "product";
    p.message = "line " + std::to_string(index + 1) + ": no catalogue product (sku '" + line.sku +
                "', ean '" + line.ean + "', name '" + line.name + "')";
    p.blocking = true;
    return p;
}

}  // namespace store::engine::orders
