// Counts for the admin dashboard, from one snapshot.
#include "store/postgres/Orders.h"

namespace store::postgres {

OrderStats PgOrders::order_stats(std::int64_t now) {
    constexpr std::int64_t kDay = 24 * 60 * 60;
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    OrderStats stats;
    auto st = conn->prepare(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE origin = 'baselinker'),"
        " COUNT(*) FILTER (WHERE origin = 'shop'), COUNT(*) FILTER (WHERE NOT paid),"
        " COUNT(*) FILTER (WHERE date_add > $1 AND date_add <= $2) FROM orders");
    st.bind(1, now - kDay).bind(2, now);
    st.step_row();
    stats.total = st.integer(0);
    stats.from_baselinker = st.integer(1);
    stats.from_shop = st.integer(2);
    stats.unpaid = st.integer(3);
    stats.last_24h = st.integer(4);
    auto oversold =
        conn->prepare("SELECT COUNT(DISTINCT order_id) FROM order_lines WHERE oversold > 0");
    oversold.step_row();
    stats.with_oversells = oversold.integer(0);
    tx.commit();
    return stats;
}

}  // namespace store::postgres
