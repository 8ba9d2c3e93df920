#pragma once
// Reading orders, the parts that are the same for both backends: the header columns and how a
// header or line row becomes an Order / OrderLine, and the page-wide loads of lines and their
// attributes (one query per set for all orders of a page; `D` is the backend's Dialect, which
// says how the set of order ids travels).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/OrderTypes.h"

namespace store::sql::order_rows {

inline const char* origin_text(OrderOrigin origin) {
    return origin == OrderOrigin::Shop ? "shop" : "baselinker";
}

inline OrderOrigin origin_from(std::string_view text) {
    return text == "shop" ? OrderOrigin::Shop : OrderOrigin::BaseLinker;
}

// Every header column, in the order read_header reads them; callers add WHERE, ORDER BY, LIMIT.
inline constexpr const char* kHeaderSelect =
    "SELECT id, origin, baselinker_id, transaction_id, client_login, service_account,"
    " delivery_fullname, delivery_company, delivery_address, delivery_city, delivery_postcode,"
    " delivery_state_code, delivery_country, delivery_country_code,"
    " invoice_fullname, invoice_company, invoice_address, invoice_city, invoice_postcode,"
    " invoice_state_code, invoice_country, invoice_country_code, invoice_nip, want_invoice,"
    " point_id, point_name, point_address, point_postcode, point_city, phone, email, date_add,"
    " status_id, payment_method, payment_method_id, cod, paid, paid_time, currency,"
    " delivery_method, delivery_method_id, delivery_price, user_comments, admin_comments,"
    " stock_returned FROM orders";

template <class Statement>
std::optional<Id> optional_id(const Statement& st, int col) {
    if (st.is_null(col)) return std::nullopt;
    return st.integer(col);
}

template <class Statement>
Address read_address(const Statement& st, int first) {
    return Address{st.text(first),     st.text(first + 1), st.text(first + 2), st.text(first + 3),
                   st.text(first + 4), st.text(first + 5), st.text(first + 6), st.text(first + 7)};
}

// A row of kHeaderSelect. Flags are read with integer(): SQLite's 0/1 and PostgreSQL's
// booleans both read as 0/1.
template <class Statement>
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
    o.want_invoice = st.integer(23) != 0;
    o.point = PickupPoint{st.text(24), st.text(25), st.text(26), st.text(27), st.text(28)};
    o.phone = st.text(29);
    o.email = st.text(30);
    o.date_add = st.integer(31);
    o.status_id = st.integer(32);
    o.payment_method = st.text(33);
    o.payment_method_id = optional_id(st, 34);
    o.cod = st.integer(35) != 0;
    o.paid = st.integer(36) != 0;
    o.paid_time = st.integer(37);
    o.currency = st.text(38);
    o.delivery_method = st.text(39);
    o.delivery_method_id = optional_id(st, 40);
    o.delivery_price = core::Money::from_minor(st.integer(41));
    o.user_comments = st.text(42);
    o.admin_comments = st.text(43);
    o.stock_returned = st.integer(44) != 0;
    return o;
}

// Lines of every order in the page (`ids`: D::id_list of their ids); weight from the bound
// product (variants have no own weight).
template <class D>
void read_lines(typename D::Connection& conn, const std::string& ids,
                std::unordered_map<Id, Order*>& by_id,
                std::unordered_map<Id, OrderLine*>& lines_by_id) {
    static const std::string sql =
        std::string(
            "SELECT l.order_id, l.id, l.product_id, l.variant_id, l.name, l.sku, l.ean,"
            " l.unit_price, l.quantity, l.tax_rate_bp, l.auction_id, l.stock_taken, l.oversold,"
            " COALESCE(p.weight, 0)"
            " FROM order_lines l LEFT JOIN products p ON p.id = l.product_id"
            " WHERE l.order_id") +
        D::in_id_list() + " ORDER BY l.order_id, l.position";
    auto st = conn.prepare(sql);
    st.bind(1, ids);
    while (st.step()) {
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
        by_id.at(st.integer(0))->lines.push_back(std::move(line));
    }
    // Pointers are taken once every vector has its final size.
    for (auto& [id, order] : by_id)
        for (auto& line : order->lines) lines_by_id[line.line_id] = &line;
}

template <class D>
void read_attributes(typename D::Connection& conn, const std::string& ids,
                     std::unordered_map<Id, OrderLine*>& lines_by_id) {
    static const std::string sql =
        std::string(
            "SELECT a.line_id, a.name, a.value, a.price FROM order_line_attributes a"
            " JOIN order_lines l ON l.id = a.line_id WHERE l.order_id") +
        D::in_id_list() + " ORDER BY a.line_id, a.position";
    if (lines_by_id.empty()) return;
    auto st = conn.prepare(sql);
    st.bind(1, ids);
    while (st.step())
        lines_by_id.at(st.integer(0))
            ->attributes.push_back(
                LineAttribute{st.text(1), st.text(2), core::Money::from_minor(st.integer(3))});
}

// One order's shipments and status history, oldest first (the detail view).
template <class Conn>
std::vector<Shipment> read_shipments(Conn& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT number, carrier, url, created_at FROM shipments WHERE order_id = ?1 ORDER BY id");
    st.bind(1, order_id);
    std::vector<Shipment> out;
    while (st.step()) out.push_back(Shipment{st.text(0), st.text(1), st.text(2), st.integer(3)});
    return out;
}

template <class Conn>
std::vector<StatusChange> read_history(Conn& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT at, from_status, to_status, actor, note FROM order_status_history"
        " WHERE order_id = ?1 ORDER BY id");
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

// Orders::order_detail: the order as `load_orders(conn, ids)` (the backend's page loader) gives
// it, with its shipments and status history, all from one snapshot; nullopt when unknown.
template <class D, class Load>
std::optional<Order> order_detail(typename D::Pool& pool, Id order_id, Load&& load_orders) {
    auto conn = pool.acquire();
    typename D::Transaction tx(*conn, D::TxKind::Read);
    auto loaded = load_orders(*conn, std::span<const Id>(&order_id, 1));
    if (loaded.empty()) return std::nullopt;
    Order order = std::move(loaded.front());
    order.shipments = read_shipments(*conn, order_id);
    order.history = read_history(*conn, order_id);
    tx.commit();
    return order;
}

}  // namespace store::sql::order_rows
