// Counts for the admin dashboard: shared with SQLite (sql/OrdersStats.h).
#include "store/sql/OrdersStats.h"
#include "store/postgres/Dialect.h"
#include "store/postgres/Orders.h"

namespace store::postgres {

OrderStats PgOrders::order_stats(std::int64_t now) {
    return sql::order_stats<Dialect>(pool_, now);
}

}  // namespace store::postgres
