// Reading orders: OrdersGet pages and one order's detail. Pages load every related set (lines,
// attributes, latest shipment) with one query for the whole page (`= ANY($1::bigint[])`), all
// in one REPEATABLE READ snapshot so that headers and lines agree.
#include <limits>
#include <unordered_map>

#include "store/postgres/Dialect.h"
#include "store/postgres/Orders.h"
#include "store/postgres/OrdersDetail.h"
#include "store/sql/OrderRows.h"

namespace store::postgres {
namespace orders {
namespace {

using namespace sql::order_rows;

void read_latest_shipments(Connection& conn, const std::string& ids,
                           std::unordered_map<Id, Order*>& by_id) {
    auto st = conn.prepare(
        "SELECT DISTINCT ON (order_id) order_id, number, carrier, url, created_at FROM shipments"
        " WHERE order_id = ANY($1::bigint[]) ORDER BY order_id, id DESC");
    st.bind(1, ids);
    while (st.step())
        by_id.at(st.integer(0))->latest_shipment =
            Shipment{st.text(1), st.text(2), st.text(3), st.integer(4)};
}

// Lines, attributes and latest shipments of `loaded` (headers), one query per set.
void load_related(Connection& conn, std::vector<Order>& loaded) {
    if (loaded.empty()) return;
    std::vector<Id> ids;
    std::unordered_map<Id, Order*> by_id;
    for (auto& order : loaded) {
        ids.push_back(order.id);
        by_id[order.id] = &order;
    }
    std::string literal = ids_literal(ids);
    std::unordered_map<Id, OrderLine*> lines_by_id;
    read_lines<Dialect>(conn, literal, by_id, lines_by_id);
    read_attributes<Dialect>(conn, literal, lines_by_id);
    read_latest_shipments(conn, literal, by_id);
}

// Every order of load_orders and of a page, by the header columns (kHeaderSelect).
const std::string kLoadSql =
    std::string(kHeaderSelect) + " WHERE id = ANY($1::bigint[]) ORDER BY id";
const std::string kPageSql = std::string(kHeaderSelect) +
                             " WHERE id > $1 AND date_add >= $2 AND paid >= $3::boolean"
                             " ORDER BY id LIMIT $4 OFFSET $5";

std::vector<Order> read_headers(Statement& st) {
    std::vector<Order> out;
    while (st.step()) out.push_back(read_header(st));
    return out;
}

}  // namespace

std::vector<Order> load_orders(Connection& conn, std::span<const Id> ids) {
    if (ids.empty()) return {};
    auto st = conn.prepare(kLoadSql);
    st.bind(1, ids_literal(ids));
    std::vector<Order> out = read_headers(st);
    load_related(conn, out);
    return out;
}

// The same filter for the count and the page; absent filters become bounds that match
// everything (ids start at 1; paid >= false is every order). The page walks the primary key
// from id_from and stops after `limit` matches; its headers come with the page query itself.
std::vector<Order> page_orders(Connection& conn, const OrderQuery& q, Slice slice,
                               std::int64_t& total) {
    std::int64_t id_from = q.id_from.value_or(0);
    std::int64_t time_from = q.time_from.value_or(std::numeric_limits<std::int64_t>::min());
    {
        auto count = conn.prepare(
            "SELECT COUNT(*) FROM orders WHERE id > $1 AND date_add >= $2 AND paid >= $3::boolean");
        count.bind(1, id_from).bind(2, time_from).bind(3, q.only_paid);
        count.step_row();
        total = count.integer(0);
    }
    auto st = conn.prepare(kPageSql);
    st.bind(1, id_from).bind(2, time_from).bind(3, q.only_paid);
    st.bind(4, slice.limit).bind(5, slice.offset);
    std::vector<Order> out = read_headers(st);
    load_related(conn, out);
    return out;
}

}  // namespace orders

OrderPage PgOrders::orders_page(const OrderQuery& query, Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // count, page and related sets from one snapshot
    OrderPage page;
    if (query.order_id) {
        Id id = *query.order_id;
        page.orders = orders::load_orders(*conn, std::span<const Id>(&id, 1));
        page.total = static_cast<std::int64_t>(page.orders.size());
        if (slice.offset > 0) page.orders.clear();
    } else {
        page.orders = orders::page_orders(*conn, query, slice, page.total);
    }
    tx.commit();
    return page;
}

std::optional<Order> PgOrders::order_detail(Id order_id) {
    return sql::order_rows::order_detail<Dialect>(pool_, order_id, orders::load_orders);
}

}  // namespace store::postgres
