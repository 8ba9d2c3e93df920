// Reading orders: OrdersGet pages, the staff listing and one order's detail. Pages load every
// related set (lines, attributes, latest shipment) with one query for the whole page.
#include <limits>
#include <unordered_map>

#include "core/Text.h"
#include "store/sql/OrderRows.h"
#include "store/sqlite/Catalog.h"
#include "store/sqlite/Dialect.h"
#include "store/sqlite/Orders.h"
#include "store/sqlite/OrdersDetail.h"

namespace store::sqlite {
namespace orders {
namespace {

using namespace sql::order_rows;

// The headers of load_orders (the shared columns, kHeaderSelect).
const std::string kHeaderSql =
    std::string(kHeaderSelect) + " WHERE id IN (SELECT value FROM json_each(?1))";

void read_latest_shipments(Connection& conn, const std::string& ids_json,
                           std::unordered_map<Id, Order*>& by_id) {
    auto st = conn.prepare(
        "SELECT order_id, number, carrier, url, created_at FROM shipments WHERE id IN"
        " (SELECT MAX(id) FROM shipments WHERE order_id IN (SELECT value FROM json_each(?1))"
        " GROUP BY order_id)");
    st.bind(1, ids_json);
    while (st.step())
        by_id.at(st.integer(0))->latest_shipment =
            Shipment{st.text(1), st.text(2), st.text(3), st.integer(4)};
}

}  // namespace

std::vector<Order> load_orders(Connection& conn, std::span<const Id> ids) {
    if (ids.empty()) return {};
    std::string ids_json = json_id_array(ids);
    std::unordered_map<Id, Order> loaded;
    {
        auto st = conn.prepare(kHeaderSql);
        st.bind(1, ids_json);
        while (st.step()) {
            Order o = read_header(st);
            Id id = o.id;
            loaded.emplace(id, std::move(o));
        }
    }
    std::unordered_map<Id, Order*> by_id;
    for (auto& [id, order] : loaded) by_id[id] = &order;
    std::unordered_map<Id, OrderLine*> lines_by_id;
    read_lines<Dialect>(conn, ids_json, by_id, lines_by_id);
    read_attributes<Dialect>(conn, ids_json, lines_by_id);
    read_latest_shipments(conn, ids_json, by_id);

    std::vector<Order> out;
    out.reserve(loaded.size());
    for (Id id : ids)
        if (auto it = loaded.find(id); it != loaded.end()) out.push_back(std::move(it->second));
    return out;
}

}  // namespace orders

namespace {

// The same filter for the count and the page; absent filters become bounds that match
// everything (ids start at 1, paid is 0 or 1). The page walks the rowid from id_from and stops
// after `limit` matches: the unary + keeps the planner off the date_add index, which would make
// it collect and sort every matching order first (17 ms instead of <1 ms at 100k orders).
constexpr const char* kCountSql =
    "SELECT COUNT(*) FROM orders WHERE id > ?1 AND date_add >= ?2 AND paid >= ?3";
constexpr const char* kPageSql =
    "SELECT id FROM orders WHERE id > ?1 AND +date_add >= ?2 AND +paid >= ?3"
    " ORDER BY id LIMIT ?4 OFFSET ?5";

std::vector<Id> page_ids(Connection& conn, const OrderQuery& q, Slice slice, std::int64_t& total) {
    std::int64_t id_from = q.id_from.value_or(0);
    std::int64_t time_from = q.time_from.value_or(std::numeric_limits<std::int64_t>::min());
    std::int64_t paid = q.only_paid ? 1 : 0;
    {
        auto count = conn.prepare(kCountSql);
        count.bind(1, id_from).bind(2, time_from).bind(3, paid);
        count.step_row();
        total = count.integer(0);
    }
    auto st = conn.prepare(kPageSql);
    st.bind(1, id_from).bind(2, time_from).bind(3, paid).bind(4, slice.limit).bind(5, slice.offset);
    std::vector<Id> ids;
    while (st.step()) ids.push_back(st.integer(0));
    return ids;
}

OrderSummary read_summary(const Statement& st) {
    OrderSummary s;
    s.id = st.integer(0);
    s.origin = orders::origin_from(st.text_view(1));
    if (!st.is_null(2)) s.baselinker_id = st.integer(2);
    s.date_add = st.integer(3);
    s.status_id = st.integer(4);
    s.status_name = st.text(5);
    s.paid = st.integer(6) != 0;
    s.buyer = st.text(7);
    s.total = core::Money::from_minor(st.integer(8));
    s.currency = st.text(9);
    s.oversold = st.integer(10);
    s.latest_tracking = st.text(11);
    return s;
}

}  // namespace

OrderPage SqliteOrders::orders_page(const OrderQuery& query, Slice slice) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // count and page from one snapshot
    OrderPage page;
    if (query.order_id) {
        Id id = *query.order_id;
        page.orders = orders::load_orders(*conn, std::span<const Id>(&id, 1));
        page.total = static_cast<std::int64_t>(page.orders.size());
        if (slice.offset > 0) page.orders.clear();
        return page;
    }
    std::vector<Id> ids = page_ids(*conn, query, slice, page.total);
    page.orders = orders::load_orders(*conn, ids);
    return page;
}

std::optional<Order> SqliteOrders::order_detail(Id order_id) {
    return sql::order_rows::order_detail<Dialect>(pool_, order_id, orders::load_orders);
}

namespace {

// The search text as the caller's ids when it is only digits (and fits an id).
std::optional<Id> digits_id(const std::string& text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    return std::stoll(text);
}

}  // namespace

std::vector<OrderSummary> SqliteOrders::list_orders(const OrderListQuery& q) {
    // Only fixed fragments are concatenated; every value (the search text too) is a bound
    // parameter, and the text is matched as a plain substring: no LIKE wildcards at all.
    std::string sql =
        "SELECT o.id, o.origin, o.baselinker_id, o.date_add, o.status_id, COALESCE(s.name, ''),"
        " o.paid, COALESCE(NULLIF(o.delivery_fullname, ''), NULLIF(o.invoice_fullname, ''),"
        " o.email),"
        " o.delivery_price + (SELECT COALESCE(SUM(unit_price * quantity), 0) FROM order_lines"
        " WHERE order_id = o.id),"
        " o.currency,"
        " (SELECT COALESCE(SUM(oversold), 0) FROM order_lines WHERE order_id = o.id),"
        " COALESCE((SELECT number FROM shipments WHERE order_id = o.id ORDER BY id DESC"
        " LIMIT 1), '')"
        " FROM orders o LEFT JOIN order_statuses s ON s.id = o.status_id"
        " WHERE o.id < ?1";
    if (q.origin) sql += " AND o.origin = ?2";
    if (q.status_id) sql += " AND o.status_id = ?3";
    if (q.paid) sql += " AND o.paid = ?4";
    if (q.date_from) sql += " AND o.date_add >= ?6";
    if (q.date_to) sql += " AND o.date_add <= ?7";
    const std::optional<Id> text_id = q.text ? digits_id(*q.text) : std::nullopt;
    if (q.text) {
        sql +=
            " AND (blc_contains_folded(o.delivery_fullname, ?8)"
            " OR blc_contains_folded(o.invoice_fullname, ?8)"
            " OR blc_contains_folded(o.delivery_company, ?8)"
            " OR blc_contains_folded(o.invoice_company, ?8)"
            " OR blc_contains_folded(o.email, ?8) OR blc_contains_folded(o.phone, ?8)"
            " OR blc_contains_folded(o.client_login, ?8)"
            " OR blc_contains_folded(o.transaction_id, ?8)";
        if (text_id) sql += " OR o.baselinker_id = ?9 OR o.id = ?9";
        sql += ")";
    }
    sql += " ORDER BY o.id DESC LIMIT ?5";

    auto conn = pool_.acquire();
    auto st = conn->prepare(sql);
    st.bind(1, q.before_id.value_or(std::numeric_limits<std::int64_t>::max()));
    if (q.origin) st.bind(2, orders::origin_text(*q.origin));
    if (q.status_id) st.bind(3, *q.status_id);
    if (q.paid) st.bind(4, *q.paid);
    st.bind(5, q.limit);
    if (q.date_from) st.bind(6, *q.date_from);
    if (q.date_to) st.bind(7, *q.date_to);
    if (q.text) st.bind(8, core::fold_case(*q.text));
    if (text_id) st.bind(9, *text_id);
    std::vector<OrderSummary> out;
    while (st.step()) out.push_back(read_summary(st));
    return out;
}

}  // namespace store::sqlite
