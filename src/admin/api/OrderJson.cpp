#include "admin/api/OrderJson.h"

#include <boost/json.hpp>

#include "admin/api/Json.h"
#include "core/Decimal.h"

namespace admin::api {
namespace {

const char* origin_text(store::OrderOrigin origin) {
    return origin == store::OrderOrigin::Shop ? "shop" : "baselinker";
}

void optional_integer(wire::JsonWriter& out, const std::optional<std::int64_t>& value) {
    if (value) {
        out.integer(*value);
    } else {
        out.null();
    }
}

void write_status(wire::JsonWriter& out, store::Id id, const std::string& name) {
    out.begin_object().key("id").integer(id).key("name").string(name).end_object();
}

// A status the shop no longer has keeps its id; its name is then empty.
std::string status_name(const std::vector<store::NamedId>& statuses, store::Id id) {
    for (const auto& s : statuses) {
        if (s.id == id) return s.name;
    }
    return "";
}

void write_address(wire::JsonWriter& out, const char* key, const store::Address& a) {
    out.key(key).begin_object();
    out.key("fullname").string(a.fullname);
    out.key("company").string(a.company);
    out.key("address").string(a.address);
    out.key("postcode").string(a.postcode);
    out.key("city").string(a.city);
    out.key("state_code").string(a.state_code);
    out.key("country").string(a.country);
    out.key("country_code").string(a.country_code);
    out.end_object();
}

void write_pickup_point(wire::JsonWriter& out, const store::PickupPoint& p) {
    out.key("pickup_point").begin_object();
    out.key("id").string(p.id);
    out.key("name").string(p.name);
    out.key("address").string(p.address);
    out.key("postcode").string(p.postcode);
    out.key("city").string(p.city);
    out.end_object();
}

void write_methods(wire::JsonWriter& out, const store::Order& o) {
    out.key("delivery_method").begin_object().key("id");
    optional_integer(out, o.delivery_method_id);
    out.key("name").string(o.delivery_method).key("price");
    write_money(out, o.delivery_price);
    out.end_object();
    out.key("payment_method").begin_object().key("id");
    optional_integer(out, o.payment_method_id);
    out.key("name").string(o.payment_method).key("cod").boolean(o.cod).end_object();
}

// The store keeps staff comments joined by newlines; the panel shows them as a list.
void write_staff_comments(wire::JsonWriter& out, const std::string& joined) {
    out.key("staff_comments").begin_array();
    std::size_t start = 0;
    while (start < joined.size()) {
        auto end = joined.find('\n', start);
        if (end == std::string::npos) end = joined.size();
        out.string(std::string_view(joined).substr(start, end - start));
        start = end + 1;
    }
    out.end_array();
}

void write_attributes(wire::JsonWriter& out, const std::vector<store::LineAttribute>& list) {
    out.key("attributes").begin_array();
    for (const auto& a : list) {
        out.begin_object().key("name").string(a.name).key("value").string(a.value).key("price");
        write_money(out, a.price);
        out.end_object();
    }
    out.end_array();
}

void write_line(wire::JsonWriter& out, const store::OrderLine& line) {
    out.begin_object();
    out.key("id").integer(line.line_id);
    out.key("product_id");
    optional_integer(out, line.product_id);
    out.key("variant_id").integer(line.variant_id);
    out.key("name").string(line.name);
    out.key("sku").string(line.sku);
    out.key("ean").string(line.ean);
    out.key("unit_price");
    write_money(out, line.unit_price);
    out.key("quantity").integer(line.quantity);
    out.key("tax_rate").string(core::format_scaled(line.tax_rate_bp, 2));
    out.key("auction_id").string(line.auction_id);
    write_attributes(out, line.attributes);
    out.key("stock_taken").integer(line.stock_taken);
    out.key("oversold").integer(line.oversold);
    out.end_object();
}

void write_lines(wire::JsonWriter& out, const std::vector<store::OrderLine>& lines) {
    std::int64_t oversold = 0;
    out.key("lines").begin_array();
    for (const auto& line : lines) {
        write_line(out, line);
        oversold += line.oversold;
    }
    out.end_array();
    out.key("oversold").integer(oversold);
}

void write_shipments(wire::JsonWriter& out, const std::vector<store::Shipment>& list) {
    out.key("shipments").begin_array();
    for (const auto& s : list) {
        out.begin_object().key("number").string(s.number).key("carrier").string(s.carrier);
        out.key("url").string(s.url).key("created_at").integer(s.created_at).end_object();
    }
    out.end_array();
}

void write_history(wire::JsonWriter& out, const std::vector<store::StatusChange>& history,
                   const std::vector<store::NamedId>& statuses) {
    out.key("history").begin_array();
    for (const auto& h : history) {
        out.begin_object().key("at").integer(h.at).key("from");
        if (h.from_status) {
            write_status(out, *h.from_status, status_name(statuses, *h.from_status));
        } else {
            out.null();
        }
        out.key("to");
        write_status(out, h.to_status, status_name(statuses, h.to_status));
        out.key("actor").string(h.actor).key("note").string(h.note).end_object();
    }
    out.end_array();
}

// The ledger; "line" is the 1-based place in "lines" (null: no line of the order now), and
// "stock_held" what the order holds: −(sum of the deltas).
void write_stock_moves(wire::JsonWriter& out, const std::vector<store::StockMove>& moves) {
    std::int64_t held = 0;
    out.key("stock_moves").begin_array();
    for (const auto& m : moves) {
        out.begin_object().key("id").integer(m.id).key("line");
        if (m.line_position) {
            out.integer(*m.line_position + 1);
        } else {
            out.null();
        }
        out.key("product_id").integer(m.product_id).key("variant_id").integer(m.variant_id);
        out.key("delta").integer(m.delta).key("reason").string(m.reason);
        out.key("actor").string(m.actor).key("at").integer(m.at).end_object();
        held -= m.delta;
    }
    out.end_array();
    out.key("stock_held").integer(held);
}

void optional_time(wire::JsonWriter& out, std::int64_t at) {
    if (at == 0) {
        out.null();
    } else {
        out.integer(at);
    }
}

void optional_text(wire::JsonWriter& out, const std::string& text) {
    if (text.empty()) {
        out.null();
    } else {
        out.string(text);
    }
}

// The OrderAdd fields as received: a JSON object in the store. Should a row ever hold something
// else, staff still see it, as a string.
void write_request(wire::JsonWriter& out, const std::string& request) {
    if (request.empty()) {
        out.null();
        return;
    }
    boost::system::error_code error;
    const auto parsed = boost::json::parse(request, error);
    if (!error && parsed.is_object()) {
        out.raw(request);
    } else {
        out.string(request);
    }
}

// A problem's "line" counts from 1, as every place staff read line numbers (null: the order as a
// whole).
void write_problem(wire::JsonWriter& out, const store::HoldProblem& p) {
    out.begin_object().key("line");
    if (p.line) {
        out.integer(*p.line + 1);
    } else {
        out.null();
    }
    out.key("field").string(p.field).key("message").string(p.message);
    out.key("blocking").boolean(p.blocking).key("resolved").boolean(p.resolved_at != 0);
    out.key("resolved_at");
    optional_time(out, p.resolved_at);
    out.key("resolved_by");
    optional_text(out, p.resolved_by);
    out.end_object();
}

// "hold": null for an order that was never held; else when it was held and released, the request
// as received and the problems (open and resolved).
void write_hold(wire::JsonWriter& out, const std::optional<store::OrderHold>& hold) {
    out.key("hold");
    if (!hold) {
        out.null();
        return;
    }
    out.begin_object().key("held_at").integer(hold->held_at);
    out.key("released_at");
    optional_time(out, hold->released_at);
    out.key("released_by");
    optional_text(out, hold->released_by);
    out.key("request");
    write_request(out, hold->request);
    out.key("problems").begin_array();
    for (const auto& p : hold->problems) write_problem(out, p);
    out.end_array().end_object();
}

void write_head(wire::JsonWriter& out, const store::Order& o,
                const std::vector<store::NamedId>& statuses) {
    out.key("id").integer(o.id);
    out.key("origin").string(origin_text(o.origin));
    out.key("baselinker_id");
    optional_integer(out, o.baselinker_id);
    out.key("date_add").integer(o.date_add);
    out.key("status");
    write_status(out, o.status_id, status_name(statuses, o.status_id));
    out.key("held").boolean(o.held);
    out.key("paid").boolean(o.paid);
    out.key("paid_time").integer(o.paid_time);
    out.key("currency").string(o.currency);
    out.key("total");
    write_money(out, o.total());
}

void write_buyer(wire::JsonWriter& out, const store::Order& o) {
    out.key("email").string(o.email);
    out.key("phone").string(o.phone);
    out.key("client_login").string(o.client_login);
    out.key("transaction_id").string(o.transaction_id);
    out.key("service_account").string(o.service_account);
    write_address(out, "delivery", o.delivery);
    write_address(out, "invoice", o.invoice);
    out.key("invoice_nip").string(o.invoice_nip);
    out.key("want_invoice").boolean(o.want_invoice);
    write_pickup_point(out, o.point);
}

}  // namespace

void write_order_summary(wire::JsonWriter& out, const store::OrderSummary& o) {
    out.begin_object();
    out.key("id").integer(o.id);
    out.key("origin").string(origin_text(o.origin));
    out.key("baselinker_id");
    optional_integer(out, o.baselinker_id);
    out.key("date_add").integer(o.date_add);
    out.key("status");
    write_status(out, o.status_id, o.status_name);
    out.key("held").boolean(o.held);
    out.key("paid").boolean(o.paid);
    out.key("buyer").string(o.buyer);
    out.key("total");
    write_money(out, o.total);
    out.key("currency").string(o.currency);
    out.key("oversold").integer(o.oversold);
    out.key("tracking").string(o.latest_tracking);
    out.end_object();
}

void write_order_detail(wire::JsonWriter& out, const store::Order& o,
                        const std::vector<store::NamedId>& statuses) {
    out.begin_object();
    write_head(out, o, statuses);
    write_buyer(out, o);
    write_methods(out, o);
    out.key("user_comments").string(o.user_comments);
    write_staff_comments(out, o.admin_comments);
    out.key("stock_returned").boolean(o.stock_returned);
    out.key("takes_stock").boolean(o.takes_stock);
    write_lines(out, o.lines);
    write_shipments(out, o.shipments);
    write_history(out, o.history, statuses);
    write_stock_moves(out, o.stock_moves);
    write_hold(out, o.hold);
    out.end_object();
}

}  // namespace admin::api
