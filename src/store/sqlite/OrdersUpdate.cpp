// Changes to one existing order: status (cancellation gives stock back once), shipments, the
// paid flag, staff comments. Each is one BEGIN IMMEDIATE transaction.
#include "store/sqlite/Orders.h"
#include "store/sqlite/OrdersDetail.h"

namespace store::sqlite {
namespace {

struct OrderState {
    Id status = 0;
    bool paid = false;
};

std::optional<OrderState> order_state(Connection& conn, Id order_id) {
    auto st = conn.prepare("SELECT status_id, paid FROM orders WHERE id = ?1");
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    return OrderState{st.integer(0), st.integer(1) != 0};
}

void touch(Connection& conn, Id order_id, std::int64_t now) {
    conn.prepare("UPDATE orders SET updated_at = ?1 WHERE id = ?2")
        .bind(1, now)
        .bind(2, order_id)
        .run();
}

}  // namespace

// Moving away from a cancelled status does not take the stock again: the goods may have been
// sold meanwhile, and a stock_returned order stays "holding nothing" for good (a later
// cancellation returns nothing twice). Staff adjust stock by hand if a cancelled order revives.
StatusUpdate SqliteOrders::set_status(Id order_id, Id status_id, const std::string& actor,
                                      std::int64_t now) {
    return run_write([&](Connection& conn) {
        Transaction tx(conn, TxKind::Write);
        StatusUpdate update;
        auto state = order_state(conn, order_id);
        if (!state) return StatusUpdate{UpdateResult::UnknownOrder, false};
        auto info = orders::status_info(conn, status_id);
        if (!info.known) return StatusUpdate{UpdateResult::UnknownStatus, false};
        if (state->status == status_id) return StatusUpdate{UpdateResult::Unchanged, false};
        update.stock_returned = orders::enter_status(conn, order_id, state->status, status_id,
                                                     info.cancelled, actor, now);
        tx.commit();
        return update;
    });
}

UpdateResult SqliteOrders::add_shipment(Id order_id, const Shipment& shipment,
                                        const std::string& actor, std::int64_t now) {
    return run_write([&](Connection& conn) {
        Transaction tx(conn, TxKind::Write);
        if (!order_state(conn, order_id)) return UpdateResult::UnknownOrder;
        conn.prepare(
                "INSERT INTO shipments (order_id, number, carrier, url, actor, created_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (order_id, number) DO NOTHING")
            .bind(1, order_id)
            .bind(2, shipment.number)
            .bind(3, shipment.carrier)
            .bind(4, shipment.url)
            .bind(5, actor)
            .bind(6, now)
            .run();
        if (conn.changes() == 0) return UpdateResult::Unchanged;
        touch(conn, order_id, now);
        tx.commit();
        return UpdateResult::Applied;
    });
}

UpdateResult SqliteOrders::set_paid(Id order_id, bool paid, const std::string&, std::int64_t now) {
    return run_write([&](Connection& conn) {
        Transaction tx(conn, TxKind::Write);
        auto state = order_state(conn, order_id);
        if (!state) return UpdateResult::UnknownOrder;
        if (state->paid == paid) return UpdateResult::Unchanged;
        conn.prepare("UPDATE orders SET paid = ?1, paid_time = ?2, updated_at = ?3 WHERE id = ?4")
            .bind(1, paid)
            .bind(2, paid ? now : std::int64_t{0})
            .bind(3, now)
            .bind(4, order_id)
            .run();
        tx.commit();
        return UpdateResult::Applied;
    });
}

UpdateResult SqliteOrders::add_staff_comment(Id order_id, const std::string& text,
                                             const std::string& actor, std::int64_t now) {
    return run_write([&](Connection& conn) {
        Transaction tx(conn, TxKind::Write);
        if (!order_state(conn, order_id)) return UpdateResult::UnknownOrder;
        if (text.empty()) return UpdateResult::Unchanged;
        conn.prepare(
                "INSERT INTO order_comments (order_id, at, actor, text) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, order_id)
            .bind(2, now)
            .bind(3, actor)
            .bind(4, text)
            .run();
        // admin_comments keeps every comment joined by newlines: the wire field, read per page.
        conn.prepare(
                "UPDATE orders SET admin_comments = CASE WHEN admin_comments = '' THEN ?1"
                " ELSE admin_comments || char(10) || ?1 END, updated_at = ?2 WHERE id = ?3")
            .bind(1, text)
            .bind(2, now)
            .bind(3, order_id)
            .run();
        tx.commit();
        return UpdateResult::Applied;
    });
}

}  // namespace store::sqlite
