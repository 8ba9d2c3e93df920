// Reading orders: OrdersGet pages and one order's detail. Pages load every related set (lines,
// attributes, latest shipment) with one query for the whole page (`= ANY($1::bigint[])`), all
// in one REPEATABLE READ snapshot so that headers and lines agree.
#include <limits>
#include <unordered_map>

#include "store/postgres/Orders.h"
#include "store/postgres/OrdersDetail.h"

namespace store::postgres {
namespace orders {
namespace {

// Every header column; the statements add their own WHERE, ORDER BY and LIMIT.
#define BLC_ORDER_HEADER_SELECT                                                                 \
    "SELECT id, origin, baselinker_id, transaction_id, client_login, service_account,"          \
    " delivery_fullname, delivery_company, delivery_address, delivery_city, delivery_postcode," \
    " delivery_state_code, delivery_country, delivery_country_code,"                            \
    " invoice_fullname, invoice_company, invoice_address, invoice_city, invoice_postcode,"      \
    " invoice_state_code, invoice_country, invoice_country_code, invoice_nip, want_invoice,"    \
    " point_id, point_name, point_address, point_postcode, point_city, phone, email, date_add," \
    " status_id, payment_method, payment_method_id, cod, paid, paid_time, currency,"            \
    " delivery_method, delivery_method_id, delivery_price, user_comments, admin_comments,"      \
    " stock_returned FROM orders"

std::optional<Id> optional_id(const Statement& st, int col) {
    if (st.is_null(col)) return std::nullopt;
    return st.integer(col);
}

Address read_address(const Statement& st, int first) {
    return Address{st.text(first),     st.text(first + 1), st.text(first + 2), st.text(first + 3),
                   st.text(first + 4), st.text(first + 5), st.text(first + 6), st.text(first + 7)};
}

Order read_header(const Statement& st) {
    Order o;
    o.id = st.integer(0);
    o.origin = origin_from(st.text_view(1));
    o.baselinker_id = optional_id(st, 2);
    o.transaction_id = st.text(3);
    o.client_login = st.text(4);
    o.service_account = st.text(5);
    o.delivery = read_address(st, 6);
    o.invoice = read_address(st, 14);
    o.invoice_nip = st.text(22);
    o.want_invoice = st.boolean(23);
    o.point = PickupPoint{st.text(24), st.text(25), st.text(26), st.text(27), st.text(28)};
    o.phone = st.text(29);
    o.email = st.text(30);
    o.date_add = st.integer(31);
    o.status_id = st.integer(32);
    o.payment_method = st.text(33);
    o.payment_method_id = optional_id(st, 34);
    o.cod = st.boolean(35);
    o.paid = st.boolean(36);
    o.paid_time = st.integer(37);
    o.currency = st.text(38);
    o.delivery_method = st.text(39);
    o.delivery_method_id = optional_id(st, 40);
    o.delivery_price = core::Money::from_minor(st.integer(41));
    o.user_comments = st.text(42);
    o.admin_comments = st.text(43);
    o.stock_returned = st.boolean(44);
    return o;
}

OrderLine read_line(const Statement& st) {
    OrderLine line;
    line.line_id = st.integer(1);
    line.product_id = optional_id(st, 2);
    line.variant_id = st.integer(3);
    line.name = st.text(4);
    line.sku = st.text(5);
    line.ean = st.text(6);
    line.unit_price = core::Money::from_minor(st.integer(7));
    line.quantity = st.integer(8);
    line.tax_rate_bp = st.integer(9);
    line.auction_id = st.text(10);
    line.stock_taken = st.integer(11);
    line.oversold = st.integer(12);
    line.weight_kg = st.real(13);
    return line;
}

// Lines of every order in the page; weight from the bound product (variants have no own weight).
void read_lines(Connection& conn, const std::string& ids, std::unordered_map<Id, Order*>& by_id,
                std::unordered_map<Id, OrderLine*>& lines_by_id) {
    auto st = conn.prepare(
        "SELECT l.order_id, l.id, l.product_id, l.variant_id, l.name, l.sku, l.ean,"
        " l.unit_price, l.quantity, l.tax_rate_bp, l.auction_id, l.stock_taken, l.oversold,"
        " COALESCE(p.weight, 0)"
        " FROM order_lines l LEFT JOIN products p ON p.id = l.product_id"
        " WHERE l.order_id = ANY($1::bigint[]) ORDER BY l.order_id, l.position");
    st.bind(1, ids);
    while (st.step()) by_id.at(st.integer(0))->lines.push_back(read_line(st));
    // Pointers are taken once every vector has its final size.
    for (auto& [id, order] : by_id)
        for (auto& line : order->lines) lines_by_id[line.line_id] = &line;
}

void read_attributes(Connection& conn, const std::string& ids,
                     std::unordered_map<Id, OrderLine*>& lines_by_id) {
    if (lines_by_id.empty()) return;
    auto st = conn.prepare(
        "SELECT a.line_id, a.name, a.value, a.price FROM order_line_attributes a"
        " JOIN order_lines l ON l.id = a.line_id"
        " WHERE l.order_id = ANY($1::bigint[]) ORDER BY a.line_id, a.position");
    st.bind(1, ids);
    while (st.step())
        lines_by_id.at(st.integer(0))
            ->attributes.push_back(
                LineAttribute{st.text(1), st.text(2), core::Money::from_minor(st.integer(3))});
}

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
    read_lines(conn, literal, by_id, lines_by_id);
    read_attributes(conn, literal, lines_by_id);
    read_latest_shipments(conn, literal, by_id);
}

std::vector<Order> read_headers(Statement& st) {
    std::vector<Order> out;
    while (st.step()) out.push_back(read_header(st));
    return out;
}

}  // namespace

std::vector<Order> load_orders(Connection& conn, std::span<const Id> ids) {
    if (ids.empty()) return {};
    auto st = conn.prepare(BLC_ORDER_HEADER_SELECT " WHERE id = ANY($1::bigint[]) ORDER BY id");
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
    auto st = conn.prepare(BLC_ORDER_HEADER_SELECT
                           " WHERE id > $1 AND date_add >= $2 AND paid >= $3::boolean"
                           " ORDER BY id LIMIT $4 OFFSET $5");
    st.bind(1, id_from).bind(2, time_from).bind(3, q.only_paid);
    st.bind(4, slice.limit).bind(5, slice.offset);
    std::vector<Order> out = read_headers(st);
    load_related(conn, out);
    return out;
}

}  // namespace orders

namespace {

std::vector<Shipment> read_shipments(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT number, carrier, url, created_at FROM shipments WHERE order_id = $1 ORDER BY id");
    st.bind(1, order_id);
    std::vector<Shipment> out;
    while (st.step()) out.push_back(Shipment{st.text(0), st.text(1), st.text(2), st.integer(3)});
    return out;
}

std::vector<StatusChange> read_history(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT at, from_status, to_status, actor, note FROM order_status_history"
        " WHERE order_id = $1 ORDER BY id");
    st.bind(1, order_id);
    std::vector<StatusChange> out;
    while (st.step()) {
        StatusChange c;
        c.at = st.integer(0);
        if (!st.is_null(1)) c.from_status = st.integer(1);
        c.to_status = st.integer(2);
        c.actor = st.text(3);
        c.note = st.text(4);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

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
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    auto loaded = orders::load_orders(*conn, std::span<const Id>(&order_id, 1));
    if (loaded.empty()) return std::nullopt;
    Order order = std::move(loaded.front());
    order.shipments = read_shipments(*conn, order_id);
    order.history = read_history(*conn, order_id);
    tx.commit();
    return order;
}

}  // namespace store::postgres
