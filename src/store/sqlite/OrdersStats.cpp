// Counts for the admin dashboard: shared with PostgreSQL (sql/OrdersStats.h).
#include "store/sql/OrdersStats.h"
#include "store/sqlite/Dialect.h"
#include "store/sqlite/Orders.h"

namespace store::sqlite {

OrderStats SqliteOrders::order_stats(std::int64_t now) {
    return sql::order_stats<Dialect>(pool_, now);
}

}  // namespace store::sqlite
