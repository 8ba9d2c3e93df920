#pragma once
// Counts for the admin dashboard, from one snapshot; the same SQL for both backends (SQLite has
// aggregate FILTER since 3.30, and `NOT paid` reads its 0/1 column as PostgreSQL's boolean).
#include "store/OrderTypes.h"

namespace store::sql {

template <class D>
OrderStats order_stats(typename D::Pool& pool, std::int64_t now) {
    constexpr std::int64_t kDay = 24 * 60 * 60;
    auto conn = pool.acquire();
    typename D::Transaction tx(*conn, D::TxKind::Read);
    OrderStats stats;
    auto st = conn->prepare(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE origin = 'baselinker'),"
        " COUNT(*) FILTER (WHERE origin = 'shop'), COUNT(*) FILTER (WHERE NOT paid),"
        " COUNT(*) FILTER (WHERE date_add > ?1 AND date_add <= ?2) FROM orders");
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

}  // namespace store::sql
