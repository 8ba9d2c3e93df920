// `blconnect order show ID`: everything staff need to handle one order, including what the
// order did to stock (taken, oversold), its shipments and who changed its status when.
#include <iostream>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "app/CmdOrder.h"
#include "core/Decimal.h"

namespace app {
namespace {

using namespace order_cli;

// "Anna Kowalska, Firma, ul. Długa 5/3, 31-147 Kraków, Polska (PL)": the non-empty parts.
std::string one_line(const store::Address& a) {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    };
    add(a.fullname);
    add(a.company);
    add(a.address);
    add(a.postcode.empty() ? a.city : a.postcode + " " + a.city);
    add(a.state_code);
    add(a.country.empty()
            ? a.country_code
            : a.country + (a.country_code.empty() ? "" : " (" + a.country_code + ")"));
    return out.empty() ? "-" : out;
}

std::string with_id(const std::string& name, const std::optional<store::Id>& id) {
    std::string out = name.empty() ? "-" : name;
    return id ? out + " (id " + std::to_string(*id) + ")" : out;
}

void print_header(const store::Order& o, const std::vector<store::NamedId>& statuses) {
    std::cout << "order " << o.id << " — "
              << (o.origin == store::OrderOrigin::Shop ? "placed in the shop" : "from BaseLinker");
    if (o.baselinker_id) std::cout << ", BaseLinker order " << *o.baselinker_id;
    std::cout << "\n";
    auto field = [](const char* name, const std::string& value) {
        if (!value.empty()) std::cout << fmt::format("  {:<16}{}\n", name, value);
    };
    field("placed:", utc_time(o.date_add));
    // A held order keeps its stock "returned" until release takes it: nothing came back.
    const char* stock_note = o.held             ? " (on hold: no stock taken)"
                             : o.stock_returned ? " (stock returned to the shop)"
                                                : "";
    field("status:", status_name(statuses, o.status_id) + stock_note);
    field("payment:", with_id(o.payment_method, o.payment_method_id) + (o.cod ? ", COD" : ""));
    field("paid:", o.paid ? "yes, " + utc_time(o.paid_time) : "no");
    field("delivery:", with_id(o.delivery_method, o.delivery_method_id) + ", " +
                           amount(o.delivery_price, o.currency));
    field("transaction:", o.transaction_id);
    field("login:", o.client_login);
    field("account:", o.service_account);
    field("email:", o.email);
    field("phone:", o.phone);
}

void print_addresses(const store::Order& o) {
    std::cout << fmt::format("  {:<16}{}\n", "ship to:", one_line(o.delivery));
    const auto& p = o.point;
    if (!p.id.empty() || !p.name.empty()) {
        std::cout << fmt::format("  {:<16}{} {}, {}, {} {}\n", "pickup point:", p.id, p.name,
                                 p.address, p.postcode, p.city);
    }
    std::string invoice = one_line(o.invoice);
    if (!o.invoice_nip.empty()) invoice += ", tax id " + o.invoice_nip;
    std::cout << fmt::format("  {:<16}{}{}\n", "invoice:", invoice,
                             o.want_invoice ? " (invoice wanted)" : "");
    if (!o.user_comments.empty()) std::cout << "  buyer comment:  " << o.user_comments << "\n";
    if (!o.admin_comments.empty()) std::cout << "  staff comments: " << o.admin_comments << "\n";
}

std::string product_of(const store::OrderLine& l) {
    if (!l.product_id) return "free";
    return std::to_string(*l.product_id) + (l.variant_id ? "/" + std::to_string(l.variant_id) : "");
}

void print_lines(const store::Order& o) {
    const char* row = "  {:>3}  {:<11}  {:<40}  {:<14}  {:>5}  {:>12}  {:>5}  {:>12}  {:>5}  {}\n";
    std::cout << "\nlines:\n"
              << fmt::format(fmt::runtime(row), "#", "product", "name", "sku", "qty", "unit price",
                             "tax %", "line total", "taken", "oversold");
    std::size_t n = 0;
    for (const auto& l : o.lines) {
        std::cout << fmt::format(fmt::runtime(row), ++n, product_of(l), l.name,
                                 l.sku.empty() ? "-" : l.sku, l.quantity, l.unit_price.format(),
                                 core::format_scaled(l.tax_rate_bp, 2),
                                 (l.unit_price * l.quantity).format(), l.stock_taken,
                                 l.oversold > 0 ? "OVERSOLD " + std::to_string(l.oversold) : "-");
        for (const auto& a : l.attributes) {
            std::cout << fmt::format("       {}: {} ({})\n", a.name, a.value, a.price.format());
        }
    }
}

void print_shipments(const store::Order& o) {
    std::cout << "\nshipments:\n";
    for (const auto& s : o.shipments) {
        std::cout << fmt::format("  {}  {}  {}  {}\n", utc_time(s.created_at), s.number,
                                 s.carrier.empty() ? "-" : s.carrier, s.url);
    }
    if (o.shipments.empty()) std::cout << "  (none)\n";
}

void print_history(const store::Order& o, const std::vector<store::NamedId>& statuses) {
    std::cout << "\nstatus history:\n";
    for (const auto& h : o.history) {
        std::string from = h.from_status ? status_name(statuses, *h.from_status) + " → " : "";
        std::cout << fmt::format("  {}  {}{}  by {}{}\n", utc_time(h.at), from,
                                 status_name(statuses, h.to_status), h.actor,
                                 h.note.empty() ? "" : "; " + h.note);
    }
}

// The stock ledger: what the order took from and gave back to stock, when and why.
void print_stock_moves(const store::Order& o) {
    if (o.stock_moves.empty()) return;
    std::cout << "\nstock moves:\n";
    for (const auto& m : o.stock_moves) {
        const std::string line = m.line_position ? std::to_string(*m.line_position + 1) : "-";
        const std::string key =
            std::to_string(m.product_id) + (m.variant_id ? "/" + std::to_string(m.variant_id) : "");
        std::cout << fmt::format("  {}  line {:>3}  {:<11}  {:>+6}  {} by {}\n", utc_time(m.at),
                                 line, key, m.delta, m.reason, m.actor);
    }
}

constexpr std::size_t kSentLineChars = 160;

std::string shortened(std::string text, std::size_t chars) {
    if (text.size() <= chars) return text;
    std::size_t cut = chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return text.substr(0, cut) + "…";
}

// What BaseLinker sent: the number of fields, and each entry of `products` as sent (the lines
// staff bind), shortened to one screen line.
void print_request(const std::string& request) {
    boost::system::error_code error;
    const auto parsed = boost::json::parse(request, error);
    if (error || !parsed.is_object()) return;
    const auto& fields = parsed.get_object();
    std::cout << "  request as received: " << fields.size() << " fields\n";
    const auto* products = fields.if_contains("products");
    if (!products || !products->is_string()) return;
    const auto list = boost::json::parse(products->get_string(), error);
    if (error) {
        std::cout << "    products (not JSON): "
                  << shortened(std::string(products->get_string()), kSentLineChars) << "\n";
        return;
    }
    std::size_t n = 0;
    auto print_entry = [&n](const boost::json::value& entry) {
        std::cout << "    line " << ++n
                  << " as sent: " << shortened(boost::json::serialize(entry), kSentLineChars)
                  << "\n";
    };
    if (list.is_array()) {
        for (const auto& entry : list.get_array()) print_entry(entry);
    } else if (list.is_object()) {
        for (const auto& member : list.get_object()) print_entry(member.value());
    }
}

// The order inbox: why the order was held, what is still open, and what was sent.
void print_hold(const store::Order& o) {
    if (!o.hold) return;
    const auto& hold = *o.hold;
    std::cout << "\n";
    if (hold.released_at == 0) {
        std::cout << "ON HOLD since " << utc_time(hold.held_at)
                  << ": correct the lines (order bind) and release it (order release " << o.id
                  << ")\n";
    } else {
        std::cout << "was on hold from " << utc_time(hold.held_at) << "; released "
                  << utc_time(hold.released_at) << " by " << hold.released_by << "\n";
    }
    for (const auto& p : hold.problems) {
        const std::string state =
            p.resolved_at != 0
                ? "resolved by " + p.resolved_by + " " + utc_time(p.resolved_at)
                : (p.blocking ? "OPEN, must be resolved" : "open, accepted by release");
        std::cout << "  " << problem_text(p) << " (" << state << ")\n";
    }
    print_request(hold.request);
}

void print_total(const store::Order& o) {
    core::Money lines;
    for (const auto& l : o.lines) lines = lines + l.unit_price * l.quantity;
    std::cout << fmt::format("\ntotal: {} (lines {} + delivery {})\n",
                             amount(o.total(), o.currency), lines.format(),
                             o.delivery_price.format());
}

}  // namespace

int cmd_order_show(const OrderIdOptions& options) {
    auto session = open_session(options);
    auto order = session.store->orders().order_detail(options.order_id);
    if (!order) return unknown_order(options.order_id);
    auto statuses = session.store->lookups().order_statuses();
    print_header(*order, statuses);
    print_hold(*order);
    print_addresses(*order);
    print_lines(*order);
    print_shipments(*order);
    print_history(*order, statuses);
    print_stock_moves(*order);
    print_total(*order);
    return 0;
}

}  // namespace app
