// Stock held by orders: taking it, giving it back, what an order holds, statuses that return it.
//
// Every stock move is one UPDATE that computes the new value in the database. Other
// transactions (orders in other processes, ProductsQuantityUpdate `change` operations) move the
// same rows concurrently; a value read into C++ and written back would overwrite their moves.
#include "store/postgres/Arrays.h"
#include "store/postgres/OrdersDetail.h"

namespace store::postgres::orders {
namespace {

// The CTE locks the row and reads its stock as of the lock (a concurrent mover's committed
// value), so that the amount taken (LEAST(stock, wanted)) is exact and returned to the caller:
// RETURNING alone only sees the new value, which cannot tell "took it all" from "took less".
constexpr const char* kTakeFromVariant =
    "WITH v AS (SELECT id, stock FROM variants WHERE id = $1 AND product_id = $2 FOR UPDATE)"
    " UPDATE variants SET stock = variants.stock - LEAST(v.stock, $3::bigint) FROM v"
    " WHERE variants.id = v.id RETURNING LEAST(v.stock, $3::bigint)";
// A product that has variants holds no stock of its own (variant_count = 0 only).
constexpr const char* kTakeFromProduct =
    "WITH p AS (SELECT id, quantity FROM products WHERE id = $1 AND variant_count = 0 FOR UPDATE)"
    " UPDATE products SET quantity = products.quantity - LEAST(p.quantity, $2::bigint) FROM p"
    " WHERE products.id = p.id RETURNING LEAST(p.quantity, $2::bigint)";

// Marks the order's stock as returned; false when it already was (exactly once).
bool claim_return(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "UPDATE orders SET stock_returned = TRUE WHERE id = $1 AND NOT stock_returned");
    st.bind(1, order_id);
    st.run();
    return st.affected() == 1;
}

// Gives back everything the order holds and marks it stock_returned; returns the units (0 also
// when an earlier cancellation gave them back already).
std::int64_t return_stock(Connection& conn, Id order_id) {
    auto held = held_stock(conn, order_id);
    if (!claim_return(conn, order_id)) return 0;
    std::int64_t units = 0;
    for (const auto& [key, count] : held) {
        give_stock(conn, key, count);
        units += count;
    }
    return units;
}

void record_status(Connection& conn, Id order_id, std::optional<Id> from, Id to,
                   const std::string& actor, const std::string& note, std::int64_t now) {
    conn.prepare(
            "INSERT INTO order_status_history (order_id, at, from_status, to_status, actor, note)"
            " VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(1, order_id)
        .bind(2, now)
        .bind(3, from)
        .bind(4, to)
        .bind(5, actor)
        .bind(6, note)
        .run();
}

}  // namespace

std::int64_t take_stock(Connection& conn, StockKey key, std::int64_t units) {
    if (units <= 0) return 0;
    auto st = conn.prepare(key.variant_id == 0 ? kTakeFromProduct : kTakeFromVariant);
    if (key.variant_id == 0)
        st.bind(1, key.product_id).bind(2, units);
    else
        st.bind(1, key.variant_id).bind(2, key.product_id).bind(3, units);
    return st.step() ? st.integer(0) : 0;
}

void give_stock(Connection& conn, StockKey key, std::int64_t units) {
    if (units <= 0) return;
    // The variants trigger keeps products.quantity equal to the sum of their stock.
    if (key.variant_id == 0)
        conn.prepare(
                "UPDATE products SET quantity = quantity + $1 WHERE id = $2 AND variant_count = 0")
            .bind(1, units)
            .bind(2, key.product_id)
            .run();
    else
        conn.prepare("UPDATE variants SET stock = stock + $1 WHERE id = $2 AND product_id = $3")
            .bind(1, units)
            .bind(2, key.variant_id)
            .bind(3, key.product_id)
            .run();
}

std::vector<std::pair<StockKey, std::int64_t>> held_stock(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT l.product_id, l.variant_id, SUM(l.stock_taken)::bigint FROM order_lines l"
        " JOIN orders o ON o.id = l.order_id"
        " WHERE l.order_id = $1 AND l.product_id IS NOT NULL AND NOT o.stock_returned"
        " GROUP BY l.product_id, l.variant_id HAVING SUM(l.stock_taken) > 0"
        " ORDER BY l.product_id, l.variant_id");
    st.bind(1, order_id);
    std::vector<std::pair<StockKey, std::int64_t>> out;
    while (st.step()) out.push_back({StockKey{st.integer(0), st.integer(1)}, st.integer(2)});
    return out;
}

StatusInfo status_info(Connection& conn, Id status_id) {
    auto st = conn.prepare("SELECT cancelled FROM order_statuses WHERE id = $1");
    st.bind(1, status_id);
    if (!st.step()) return {};
    return StatusInfo{true, st.boolean(0)};
}

bool enter_status(Connection& conn, Id order_id, std::optional<Id> from, Id to, bool cancelled,
                  const std::string& actor, std::int64_t now) {
    conn.prepare("UPDATE orders SET status_id = $1, updated_at = $2 WHERE id = $3")
        .bind(1, to)
        .bind(2, now)
        .bind(3, order_id)
        .run();
    bool returned = cancelled && return_stock(conn, order_id) > 0;
    record_status(conn, order_id, from, to, actor, returned ? "stock returned" : "", now);
    return returned;
}

std::string ids_literal(std::span<const Id> ids) {
    ArrayBuilder out;
    for (Id id : ids) out.add(id);
    return out.str();
}

}  // namespace store::postgres::orders
