// The order inbox: staff correct the lines of a held order and release it (docs/orders.md,
// "Orders on hold"). Each call is one write that locks the order's row first, so corrections,
// a release and BaseLinker's replacement of the same order apply one after the other.
#include <functional>

#include "store/engine/OrderRules.h"
#include "store/engine/Orders.h"

namespace store::engine {
namespace {

constexpr std::int64_t kMaxQuantity = 1000000000;  // as OrderAdd reads it

// The held order's status, its row locked; NotFound / Conflict when it is not a held order.
core::Result<Id> lock_held(Port& port, Connection& conn, Id order_id) {
    auto st = conn.prepare(std::string("SELECT status_id FROM orders WHERE id = ?1") +
                           port.dialect().lock_rows());
    st.bind(1, order_id);
    if (!st.step()) return core::Status::not_found("no order " + std::to_string(order_id), "order");
    const Id status = st.integer(0);
    if (!orders::hold_open(conn, order_id))
        return core::Status::conflict("order",
                                      "order " + std::to_string(order_id) + " is not on hold");
    return status;
}

std::string line_text(std::int64_t line) {
    return "line " + std::to_string(line + 1);
}

core::Status check_correction(const LineCorrection& c) {
    if (c.product_id && c.free)
        return core::Status::invalid_field("product_id",
                                           "bind to a product or keep it free, not both");
    if (c.quantity && (*c.quantity < 1 || *c.quantity > kMaxQuantity))
        return core::Status::invalid_field(
            "quantity", "expected an integer from 1 to " + std::to_string(kMaxQuantity));
    if (!c.product_id && !c.free && !c.quantity && !c.unit_price)
        return core::Status::invalid_field("",
                                           "nothing to change: give a product, free, a "
                                           "quantity or a price");
    return {};
}

// Updates the line: `assignment` is fixed SQL whose values (from ?3) bind_values binds.
void set_line(Connection& conn, Id order_id, std::int64_t line, const char* assignment,
              const std::function<void(Statement&)>& bind_values) {
    auto st = conn.prepare(std::string("UPDATE order_lines SET ") + assignment +
                           " WHERE order_id = ?1 AND position = ?2");
    st.bind(1, order_id).bind(2, line);
    bind_values(st);
    st.run();
}

// Applies the correction; the note says what changed ("line 2: bound to product 17; quantity 2").
core::Result<std::string> apply_correction(Port& port, Connection& conn, Id order_id,
                                           std::int64_t line, const LineCorrection& c,
                                           const std::string& actor, std::int64_t now) {
    std::string note = line_text(line) + ":";
    if (c.product_id) {
        OrderLineInput wanted;
        wanted.product_id = *c.product_id;
        wanted.variant_id = c.variant_id;
        const auto key = orders::bind_lines(port, conn, std::span(&wanted, 1), false).front();
        if (!key)
            return core::Status::not_found(
                "no catalogue product " + std::to_string(*c.product_id) +
                    (c.variant_id ? " with variant " + std::to_string(c.variant_id)
                                  : std::string(" without variants")),
                "product_id");
        set_line(conn, order_id, line, "product_id = ?3, variant_id = ?4",
                 [&](Statement& st) { st.bind(3, key->product_id).bind(4, key->variant_id); });
        note += " bound to product " + std::to_string(key->product_id) +
                (key->variant_id ? " variant " + std::to_string(key->variant_id) : "") + ";";
    }
    if (c.free) {
        set_line(conn, order_id, line, "product_id = NULL, variant_id = 0", [](Statement&) {});
        note += " kept as a free line;";
    }
    if (c.product_id || c.free)
        orders::resolve_problems(conn, order_id, line, "product", actor, now);
    if (c.quantity) {
        set_line(conn, order_id, line, "quantity = ?3",
                 [&](Statement& st) { st.bind(3, *c.quantity); });
        orders::resolve_problems(conn, order_id, line, "quantity", actor, now);
        note += " quantity " + std::to_string(*c.quantity) + ";";
    }
    if (c.unit_price) {
        set_line(conn, order_id, line, "unit_price = ?3",
                 [&](Statement& st) { st.bind(3, c.unit_price->minor()); });
        orders::resolve_problems(conn, order_id, line, "price", actor, now);
        note += " price " + c.unit_price->format() + ";";
    }
    note.pop_back();
    return note;
}

bool line_exists(Connection& conn, Id order_id, std::int64_t line) {
    auto st = conn.prepare("SELECT 1 FROM order_lines WHERE order_id = ?1 AND position = ?2");
    st.bind(1, order_id).bind(2, line);
    return st.step();
}

std::string problems_text(const std::vector<HoldProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p.message;
    return text;
}

std::int64_t free_lines(Connection& conn, Id order_id) {
    auto st =
        conn.prepare("SELECT COUNT(*) FROM order_lines WHERE order_id = ?1 AND product_id IS NULL");
    st.bind(1, order_id);
    st.step_row();
    return st.integer(0);
}

}  // namespace

core::Status Orders::correct_held_line(Id order_id, std::int64_t line, const LineCorrection& c,
                                       const std::string& actor, std::int64_t now) {
    if (auto status = check_correction(c); !status.ok()) return status;
    return write(
        port_, WriteKind::Single,
        [&](Connection& conn) -> core::Status {
            auto status = lock_held(port_, conn, order_id);
            if (!status) return status.status();
            if (!line_exists(conn, order_id, line))
                return core::Status::not_found(
                    "order " + std::to_string(order_id) + " has no " + line_text(line), "line");
            auto note = apply_correction(port_, conn, order_id, line, c, actor, now);
            if (!note) return note.status();
            orders::record_status(conn, order_id, *status, *status, actor, *note, now);
            conn.prepare("UPDATE orders SET updated_at = ?1 WHERE id = ?2")
                .bind(1, now)
                .bind(2, order_id)
                .run();
            return {};
        },
        [](const core::Status& status) { return status.ok(); });
}

core::Result<ReleaseResult> Orders::release_held_order(Id order_id, Id status_id,
                                                       const std::string& actor, std::int64_t now) {
    return write(
        port_, WriteKind::Single,
        [&](Connection& conn) -> core::Result<ReleaseResult> {
            auto current = lock_held(port_, conn, order_id);
            if (!current) return current.status();
            const auto blocking = orders::open_blocking_problems(conn, order_id);
            if (!blocking.empty())
                return core::Status::conflict("problems",
                                              "resolve first: " + problems_text(blocking));
            const auto target = orders::status_info(conn, status_id);
            if (!target.known || target.on_hold)
                return core::Status::invalid_field(
                    "status_id", "status " + std::to_string(status_id) +
                                     " is not a status a released order can take");
            orders::end_hold(conn, order_id, actor, now);
            ReleaseResult result;
            result.status_id = *current;
            if (orders::status_info(conn, *current).on_hold) {  // a cancelled one stays
                const auto moved = orders::enter_status(port_, conn, order_id, *current, status_id,
                                                        target.cancelled, actor, now);
                result.status_id = status_id;
                result.units = moved.units;
                result.oversold = moved.oversold;
            }
            result.free_lines = free_lines(conn, order_id);
            return result;
        },
        [](const core::Result<ReleaseResult>& result) { return result.ok(); });
}

}  // namespace store::engine
