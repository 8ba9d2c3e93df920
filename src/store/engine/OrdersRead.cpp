// Reading orders: OrdersGet pages and one order's detail. A page loads every related set
// (lines, attributes, latest shipment) with one query for the whole page, all in one read
// snapshot so that headers and lines agree.
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "store/engine/OrderPages.h"
#include "store/engine/OrderRules.h"
#include "store/engine/Orders.h"

namespace store::engine {
namespace orders {
namespace {

// Every header column, in the order read_header reads them; callers add WHERE, ORDER BY, LIMIT.
constexpr const char* kHeaderSelect =
    "SELECT id, origin, baselinker_id, transaction_id, client_login, service_account,"
    " delivery_fullname, delivery_company, delivery_address, delivery_city, delivery_postcode,"
    " delivery_state_code, delivery_country, delivery_country_code,"
    " invoice_fullname, invoice_company, invoice_address, invoice_city, invoice_postcode,"
    " invoice_state_code, invoice_country, invoice_country_code, invoice_nip, want_invoice,"
    " point_id, point_name, point_address, point_postcode, point_city, phone, email, date_add,"
    " status_id, payment_method, payment_method_id, cod, paid, paid_time, currency,"
    " delivery_method, delivery_method_id, delivery_price, user_comments, admin_comments,"
    " stock_returned, takes_stock FROM orders";

Address read_address(const Statement& st, int first) {
    return Address{st.text(first),     st.text(first + 1), st.text(first + 2), st.text(first + 3),
                   st.text(first + 4), st.text(first + 5), st.text(first + 6), st.text(first + 7)};
}

Order read_header(const Statement& st) {
    Order o;
    o.id = st.integer(0);
    o.origin = origin_from(st.text_view(1));
    o.baselinker_id = st.optional_integer(2);
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
    o.payment_method_id = st.optional_integer(34);
    o.cod = st.boolean(35);
    o.paid = st.boolean(36);
    o.paid_time = st.integer(37);
    o.currency = st.text(38);
    o.delivery_method = st.text(39);
    o.delivery_method_id = st.optional_integer(40);
    o.delivery_price = core::Money::from_minor(st.integer(41));
    o.user_comments = st.text(42);
    o.admin_comments = st.text(43);
    o.stock_returned = st.boolean(44);
    o.takes_stock = st.boolean(45);
    return o;
}

std::vector<Order> read_headers(Statement& st) {
    std::vector<Order> out;
    while (st.step()) out.push_back(read_header(st));
    return out;
}

// Lines of every order of the page; weight from the bound product (variants have none).
void read_lines(Port& port, Connection& conn, const std::string& ids,
                std::unordered_map<Id, Order*>& by_id,
                std::unordered_map<Id, OrderLine*>& lines_by_id) {
    auto st = conn.prepare(
        "SELECT l.order_id, l.id, l.product_id, l.variant_id, l.name, l.sku, l.ean,"
        " l.unit_price, l.quantity, l.tax_rate_bp, l.auction_id, l.stock_taken, l.oversold,"
        " COALESCE(p.weight, 0)"
        " FROM order_lines l LEFT JOIN products p ON p.id = l.product_id"
        " WHERE l.order_id" +
        port.dialect().in_ids(1) + " ORDER BY l.order_id, l.position");
    st.bind(1, ids);
    while (st.step()) {
        OrderLine line;
        line.line_id = st.integer(1);
        line.product_id = st.optional_integer(2);
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
        by_id.at(st.integer(0))->lines.push_back(std::move(line));
    }
    // Pointers are taken once every vector has its final size.
    for (auto& [id, order] : by_id)
        for (auto& line : order->lines) lines_by_id[line.line_id] = &line;
}

void read_attributes(Port& port, Connection& conn, const std::string& ids,
                     std::unordered_map<Id, OrderLine*>& lines_by_id) {
    if (lines_by_id.empty()) return;
    auto st = conn.prepare(
        "SELECT a.line_id, a.name, a.value, a.price FROM order_line_attributes a"
        " JOIN order_lines l ON l.id = a.line_id WHERE l.order_id" +
        port.dialect().in_ids(1) + " ORDER BY a.line_id, a.position");
    st.bind(1, ids);
    while (st.step())
        lines_by_id.at(st.integer(0))
            ->attributes.push_back(
                LineAttribute{st.text(1), st.text(2), core::Money::from_minor(st.integer(3))});
}

void read_latest_shipments(Port& port, Connection& conn, const std::string& ids,
                           std::unordered_map<Id, Order*>& by_id) {
    auto st = conn.prepare(
        "SELECT order_id, number, carrier, url, created_at FROM shipments WHERE id IN"
        " (SELECT MAX(id) FROM shipments WHERE order_id" +
        port.dialect().in_ids(1) + " GROUP BY order_id)");
    st.bind(1, ids);
    while (st.step())
        by_id.at(st.integer(0))->latest_shipment =
            Shipment{st.text(1), st.text(2), st.text(3), st.integer(4)};
}

// Lines, attributes and latest shipments of `loaded` (headers), one query per set.
void load_related(Port& port, Connection& conn, std::vector<Order>& loaded) {
    if (loaded.empty()) return;
    std::vector<Id> ids;
    std::unordered_map<Id, Order*> by_id;
    for (auto& order : loaded) {
        ids.push_back(order.id);
        by_id[order.id] = &order;
    }
    const std::string encoded = port.dialect().ids(ids);
    std::unordered_map<Id, OrderLine*> lines_by_id;
    read_lines(port, conn, encoded, by_id, lines_by_id);
    read_attributes(port, conn, encoded, lines_by_id);
    read_latest_shipments(port, conn, encoded, by_id);
}

// The page: the first `limit` matches with id > plan.after (OrderPages.h), so its cost does not
// grow with the page number. It walks the primary key from there: the unary + keeps the planner
// off the date_add index, which would make it collect and sort every matching order first.
// Nothing above the settled id (?5, Port::settled_order_id) is shown yet.
constexpr const char* kPageFilter =
    " WHERE id > ?1 AND id <= ?5 AND +date_add >= ?2 AND (paid OR NOT CAST(?3 AS BOOLEAN))";

std::vector<Order> page_orders(Port& port, Connection& conn, const OrderQuery& q, Slice slice,
                               std::int64_t span, std::optional<Id> settled, PagePlan& plan) {
    // Absent filters become bounds that match everything (ids start at 1).
    PageFilter filter;
    filter.id_from = q.id_from.value_or(0);
    filter.settled = settled;
    filter.time_from = q.time_from.value_or(std::numeric_limits<std::int64_t>::min());
    filter.only_paid = q.only_paid;
    plan = plan_page(port, conn, filter, slice.offset, span);
    if (!plan.after || slice.limit <= 0) return {};
    auto st = conn.prepare(std::string(kHeaderSelect) + kPageFilter + " ORDER BY id LIMIT ?4");
    st.bind(1, *plan.after).bind(2, filter.time_from).bind(3, filter.only_paid);
    st.bind(4, slice.limit).bind(5, filter.up_to());
    std::vector<Order> out = read_headers(st);
    load_related(port, conn, out);
    return out;
}

std::vector<Shipment> read_shipments(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT number, carrier, url, created_at FROM shipments WHERE order_id = ?1 ORDER BY id");
    st.bind(1, order_id);
    std::vector<Shipment> out;
    while (st.step()) out.push_back(Shipment{st.text(0), st.text(1), st.text(2), st.integer(3)});
    return out;
}

std::vector<StatusChange> read_history(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT at, from_status, to_status, actor, note FROM order_status_history"
        " WHERE order_id = ?1 ORDER BY id");
    st.bind(1, order_id);
    std::vector<StatusChange> out;
    while (st.step()) {
        StatusChange c;
        c.at = st.integer(0);
        c.from_status = st.optional_integer(1);
        c.to_status = st.integer(2);
        c.actor = st.text(3);
        c.note = st.text(4);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::vector<Order> load_orders(Port& port, Connection& conn, std::span<const Id> ids) {
    if (ids.empty()) return {};
    auto st = conn.prepare(std::string(kHeaderSelect) + " WHERE id" + port.dialect().in_ids(1));
    st.bind(1, port.dialect().ids(ids));
    std::unordered_map<Id, Order> loaded;
    while (st.step()) {
        Order o = read_header(st);
        const Id id = o.id;
        loaded.emplace(id, std::move(o));
    }
    std::vector<Order> out;
    out.reserve(loaded.size());
    for (Id id : ids)
        if (auto it = loaded.find(id); it != loaded.end()) {
            out.push_back(std::move(it->second));
            loaded.erase(it);
        }
    load_related(port, conn, out);
    return out;
}

}  // namespace orders

OrderPage Orders::orders_page(const OrderQuery& query, Slice slice) {
    // Before the snapshot: ids up to `settled` are all committed or gone when it is taken.
    const std::optional<Id> settled = query.order_id ? std::nullopt : port_.settled_order_id();
    orders::PagePlan plan;
    OrderPage page = read(port_, [&](Connection& conn) {
        OrderPage page;
        plan = orders::PagePlan{};
        if (query.order_id) {
            const Id id = *query.order_id;
            page.orders = orders::load_orders(port_, conn, std::span<const Id>(&id, 1));
            page.total = static_cast<std::int64_t>(page.orders.size());
            if (slice.offset > 0) page.orders.clear();
        } else {
            page.orders =
                orders::page_orders(port_, conn, query, slice, page_span(conn), settled, plan);
            page.total = plan.total;
        }
        return page;
    });
    if (plan.unsummarised) summarise_later(*plan.unsummarised);
    return page;
}

std::int64_t Orders::page_span(Connection& conn) {
    std::int64_t span = page_span_.load();
    if (span == 0) page_span_.store(span = orders::read_page_span(conn));
    return span;
}

// After the read, in a write of its own: the page is already exact without the summaries, so
// a write that fails (the database busy, a lost connection) costs the next page a longer
// count, never a wrong answer.
void Orders::summarise_later(orders::BucketRange range) {
    const std::int64_t span = page_span_.load();
    try {
        write(port_,
              [&](Connection& conn) { orders::summarise_buckets(port_, conn, range, span); });
    } catch (const StoreError&) {
    }
}

void Orders::set_page_span(std::int64_t span) {
    write(port_, [&](Connection& conn) { orders::write_page_span(conn, span); });
    page_span_.store(span);
}

std::optional<Order> Orders::order_detail(Id order_id) {
    return read(port_, [&](Connection& conn) -> std::optional<Order> {
        auto loaded = orders::load_orders(port_, conn, std::span<const Id>(&order_id, 1));
        if (loaded.empty()) return std::nullopt;
        Order order = std::move(loaded.front());
        order.shipments = orders::read_shipments(conn, order_id);
        order.history = orders::read_history(conn, order_id);
        order.stock_moves = orders::read_stock_moves(conn, order_id);
        order.hold = orders::read_hold(conn, order_id);
        order.held = order.hold && order.hold->released_at == 0;
        return order;
    });
}

std::vector<Id> Orders::existing_orders(std::span<const Id> ids) {
    if (ids.empty()) return {};
    const Dialect& d = port_.dialect();
    std::unordered_set<Id> found;
    read(port_, [&](Connection& conn) {
        auto st = conn.prepare("SELECT id FROM orders WHERE id" + d.in_ids(1));
        st.bind(1, d.ids(ids));
        while (st.step()) found.insert(st.integer(0));
    });
    std::vector<Id> out;
    for (Id id : ids)
        if (found.contains(id)) out.push_back(id);
    return out;
}

}  // namespace store::engine
