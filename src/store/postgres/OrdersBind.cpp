// Binding an order line to the catalogue: the rules live in store/sql/OrdersBind.h.
#include "store/sql/OrdersBind.h"

#include "store/postgres/OrdersDetail.h"

namespace store::postgres::orders {

std::optional<StockKey> bind_line(Connection& conn, const OrderLineInput& line,
                                  bool match_by_codes) {
    return sql::bind_line<StockKey>(conn, line, match_by_codes);
}

}  // namespace store::postgres::orders
