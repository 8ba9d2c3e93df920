// Changes to one existing order: status (cancellation gives stock back, reviving takes it again),
// shipments, the paid flag, staff comments. Each is one write that first reads (and locks) the
// order's row, so that concurrent changes of the same order apply one after the other and "already
// had that value" is decided on the latest state.
#include "store/OrderText.h"
#include "store/engine/OrderPages.h"
#include "store/engine/OrderRules.h"
#include "store/engine/Orders.h"

namespace store::engine {
namespace {

struct OrderState {
    Id status = 0;
    bool paid = false;
};

std::optional<OrderState> order_state(Port& port, Connection& conn, Id order_id) {
    auto st = conn.prepare(std::string("SELECT status_id, paid FROM orders WHERE id = ?1") +
                           port.dialect().lock_rows());
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    return OrderState{st.integer(0), st.boolean(1)};
}

void touch(Connection& conn, Id order_id, std::int64_t now) {
    conn.prepare("UPDATE orders SET updated_at = ?1 WHERE id = ?2")
        .bind(1, now)
        .bind(2, order_id)
        .run();
}

StatusUpdate only(UpdateResult result) {
    StatusUpdate update;
    update.result = result;
    return update;
}

}  // namespace

// The order's row is locked first (order_state), so concurrent toggles of one order apply one
// after the other and each transition moves stock exactly once (enter_status). A held order
// (docs/orders.md, "Orders on hold") may only be cancelled here.
StatusUpdate Orders::set_status(Id order_id, Id status_id, const std::string& actor,
                                std::int64_t now) {
    return write(port_, [&](Connection& conn) {
        auto state = order_state(port_, conn, order_id);
        if (!state) return only(UpdateResult::UnknownOrder);
        auto info = orders::status_info(conn, status_id);
        if (!info.known) return only(UpdateResult::UnknownStatus);
        if (state->status == status_id) return only(UpdateResult::Unchanged);
        // A held order leaves the inbox by release (or stays in it, cancelled); only holding
        // puts an order in the hold status.
        if (info.on_hold || (!info.cancelled && orders::hold_open(conn, order_id)))
            return only(UpdateResult::OnHold);
        const auto moved = orders::enter_status(port_, conn, order_id, state->status, status_id,
                                                info.cancelled, actor, now);
        StatusUpdate update;
        update.stock_returned = moved.returned;
        update.stock_retaken = moved.retaken;
        update.units = moved.units;
        update.oversold = moved.oversold;
        return update;
    });
}

StockAudit Orders::stock_audit() {
    return read(port_, [&](Connection& conn) { return orders::audit_stock(conn); });
}

UpdateResult Orders::add_shipment(Id order_id, const Shipment& sent, const std::string& actor,
                                  std::int64_t now) {
    Shipment shipment = sent;
    clean_shipment_text(shipment);
    return write(port_, [&](Connection& conn) {
        if (!order_state(port_, conn, order_id)) return UpdateResult::UnknownOrder;
        auto st = conn.prepare(
            "INSERT INTO shipments (order_id, number, carrier, url, actor, created_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (order_id, number) DO NOTHING");
        st.bind(1, order_id).bind(2, shipment.number).bind(3, shipment.carrier);
        st.bind(4, shipment.url).bind(5, actor).bind(6, now);
        st.run();
        if (st.affected() == 0) return UpdateResult::Unchanged;  // the order has that number
        touch(conn, order_id, now);
        return UpdateResult::Applied;
    });
}

UpdateResult Orders::set_paid(Id order_id, bool paid, const std::string&, std::int64_t now) {
    return write(port_, [&](Connection& conn) {
        auto state = order_state(port_, conn, order_id);
        if (!state) return UpdateResult::UnknownOrder;
        if (state->paid == paid) return UpdateResult::Unchanged;
        conn.prepare("UPDATE orders SET paid = ?1, paid_time = ?2, updated_at = ?3 WHERE id = ?4")
            .bind(1, paid)
            .bind(2, paid ? now : std::int64_t{0})
            .bind(3, now)
            .bind(4, order_id)
            .run();
        orders::order_paging_changed(conn, order_id);  // only_paid counts it differently now
        return UpdateResult::Applied;
    });
}

UpdateResult Orders::add_staff_comment(Id order_id, const std::string& sent,
                                       const std::string& actor, std::int64_t now) {
    std::string text = sent;
    clean_text(text, kLongText);
    // admin_comments keeps every comment joined by newlines: the wire field, read per page.
    const std::string append_sql =
        std::string(
            "UPDATE orders SET admin_comments = CASE WHEN admin_comments = ''"
            " THEN CAST(?1 AS TEXT) ELSE admin_comments || ") +
        port_.dialect().newline() + " || CAST(?1 AS TEXT) END, updated_at = ?2 WHERE id = ?3";
    return write(port_, [&](Connection& conn) {
        if (!order_state(port_, conn, order_id)) return UpdateResult::UnknownOrder;
        if (text.empty()) return UpdateResult::Unchanged;
        conn.prepare(
                "INSERT INTO order_comments (order_id, at, actor, text) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, order_id)
            .bind(2, now)
            .bind(3, actor)
            .bind(4, text)
            .run();
        conn.prepare(append_sql).bind(1, text).bind(2, now).bind(3, order_id).run();
        return UpdateResult::Applied;
    });
}

}  // namespace store::engine
