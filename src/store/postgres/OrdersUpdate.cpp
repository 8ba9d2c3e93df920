// Changes to one existing order: the shared rules (sql/OrdersUpdate.h), each in one transaction
// that first locks the order's row, run again when PostgreSQL aborted it (run_write).
#include "store/sql/OrdersUpdate.h"
#include "store/postgres/Dialect.h"
#include "store/postgres/Orders.h"
#include "store/postgres/OrdersDetail.h"

namespace store::postgres {
namespace {

struct UpdateOps : Dialect {
    static constexpr const char* kOrderState =
        "SELECT status_id, paid FROM orders WHERE id = ?1 FOR UPDATE";
    static constexpr const char* kNewline = "chr(10)";
    static orders::StatusInfo status_info(Connection& conn, Id status_id) {
        return orders::status_info(conn, status_id);
    }
    static bool enter_status(Connection& conn, Id order_id, std::optional<Id> from, Id to,
                             bool cancelled, const std::string& actor, std::int64_t now) {
        return orders::enter_status(conn, order_id, from, to, cancelled, actor, now);
    }
};

}  // namespace

StatusUpdate PgOrders::set_status(Id order_id, Id status_id, const std::string& actor,
                                  std::int64_t now) {
    return run_write([&](Connection& conn) {
        return sql::order_updates::set_status<UpdateOps>(conn, order_id, status_id, actor, now);
    });
}

UpdateResult PgOrders::add_shipment(Id order_id, const Shipment& shipment, const std::string& actor,
                                    std::int64_t now) {
    return run_write([&](Connection& conn) {
        return sql::order_updates::add_shipment<UpdateOps>(conn, order_id, shipment, actor, now);
    });
}

UpdateResult PgOrders::set_paid(Id order_id, bool paid, const std::string&, std::int64_t now) {
    return run_write([&](Connection& conn) {
        return sql::order_updates::set_paid<UpdateOps>(conn, order_id, paid, now);
    });
}

UpdateResult PgOrders::add_staff_comment(Id order_id, const std::string& text,
                                         const std::string& actor, std::int64_t now) {
    return run_write([&](Connection& conn) {
        return sql::order_updates::add_staff_comment<UpdateOps>(conn, order_id, text, actor, now);
    });
}

}  // namespace store::postgres
