// Stock held by orders: what a key has, moving it, what an order holds, giving it back.
#include "store/sqlite/OrdersDetail.h"

namespace store::sqlite::orders {
namespace {

bool stock_already_returned(Connection& conn, Id order_id) {
    auto st = conn.prepare("SELECT stock_returned FROM orders WHERE id = ?1");
    st.bind(1, order_id);
    st.step_row();
    return st.integer(0) != 0;
}

}  // namespace

std::int64_t available(Connection& conn, StockKey key) {
    if (key.variant_id == 0) {
        auto st = conn.prepare("SELECT quantity FROM products WHERE id = ?1 AND variant_count = 0");
        st.bind(1, key.product_id);
        return st.step() ? st.integer(0) : 0;
    }
    auto st = conn.prepare("SELECT stock FROM variants WHERE id = ?1 AND product_id = ?2");
    st.bind(1, key.variant_id).bind(2, key.product_id);
    return st.step() ? st.integer(0) : 0;
}

void move_stock(Connection& conn, StockKey key, std::int64_t delta) {
    if (delta == 0) return;
    // The variants' triggers keep products.quantity equal to the sum of their stock.
    if (key.variant_id == 0)
        conn.prepare(
                "UPDATE products SET quantity = quantity + ?1 WHERE id = ?2 AND variant_count = 0")
            .bind(1, delta)
            .bind(2, key.product_id)
            .run();
    else
        conn.prepare("UPDATE variants SET stock = stock + ?1 WHERE id = ?2 AND product_id = ?3")
            .bind(1, delta)
            .bind(2, key.variant_id)
            .bind(3, key.product_id)
            .run();
}

std::vector<std::pair<StockKey, std::int64_t>> held_stock(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT l.product_id, l.variant_id, SUM(l.stock_taken) FROM order_lines l"
        " JOIN orders o ON o.id = l.order_id"
        " WHERE l.order_id = ?1 AND l.product_id IS NOT NULL AND o.stock_returned = 0"
        " GROUP BY l.product_id, l.variant_id HAVING SUM(l.stock_taken) > 0");
    st.bind(1, order_id);
    std::vector<std::pair<StockKey, std::int64_t>> out;
    while (st.step()) out.push_back({StockKey{st.integer(0), st.integer(1)}, st.integer(2)});
    return out;
}

std::int64_t return_stock(Connection& conn, Id order_id) {
    std::int64_t units = 0;
    for (const auto& [key, held] : held_stock(conn, order_id)) {
        move_stock(conn, key, held);
        units += held;
    }
    conn.prepare("UPDATE orders SET stock_returned = 1 WHERE id = ?1").bind(1, order_id).run();
    return units;
}

StatusInfo status_info(Connection& conn, Id status_id) {
    auto st = conn.prepare("SELECT cancelled FROM order_statuses WHERE id = ?1");
    st.bind(1, status_id);
    if (!st.step()) return {};
    return StatusInfo{true, st.integer(0) != 0};
}

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

bool enter_status(Connection& conn, Id order_id, std::optional<Id> from, Id to, bool cancelled,
                  const std::string& actor, std::int64_t now) {
    conn.prepare("UPDATE orders SET status_id = ?1, updated_at = ?2 WHERE id = ?3")
        .bind(1, to)
        .bind(2, now)
        .bind(3, order_id)
        .run();
    bool returned =
        cancelled && !stock_already_returned(conn, order_id) && return_stock(conn, order_id) > 0;
    record_status(conn, order_id, from, to, actor, returned ? "stock returned" : "", now);
    return returned;
}

}  // namespace store::sqlite::orders
