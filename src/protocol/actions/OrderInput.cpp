// OrderAdd's fields, checked and converted. Only what identifies the order is refused (in the order
// of docs/protocol.md §3.2, so the error names the first bad one); what cannot be read once the
// order is identified becomes a problem of the order, which is then kept on hold for staff.
#include "protocol/actions/OrderInput.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "core/Decimal.h"
#include "core/PhpValue.h"
#include "core/Text.h"
#include "protocol/actions/Common.h"
#include "wire/JsonDocument.h"
#include "wire/ProductsInput.h"

namespace protocol::actions {
namespace {

// Bounds that keep every product of price and quantity, and their sum, inside int64 minor units.
constexpr std::int64_t kMaxQuantity = 1000000000;

using core::Status;

// Plain text fields, stored as sent (the endpoint has already checked they are UTF-8).
void read_texts(const Params& params, store::OrderInput& o) {
    const std::pair<const char*, std::string*> fields[] = {
        {"delivery_fullname", &o.delivery.fullname},
        {"delivery_company", &o.delivery.company},
        {"delivery_address", &o.delivery.address},
        {"delivery_city", &o.delivery.city},
        {"delivery_postcode", &o.delivery.postcode},
        {"delivery_state_code", &o.delivery.state_code},
        {"delivery_country", &o.delivery.country},
        {"delivery_country_code", &o.delivery.country_code},
        {"invoice_fullname", &o.invoice.fullname},
        {"invoice_company", &o.invoice.company},
        {"invoice_nip", &o.invoice_nip},
        {"invoice_address", &o.invoice.address},
        {"invoice_city", &o.invoice.city},
        {"invoice_postcode", &o.invoice.postcode},
        {"invoice_state_code", &o.invoice.state_code},
        {"invoice_country", &o.invoice.country},
        {"invoice_country_code", &o.invoice.country_code},
        {"delivery_point_id", &o.point.id},
        {"delivery_point_name", &o.point.name},
        {"delivery_point_address", &o.point.address},
        {"delivery_point_postcode", &o.point.postcode},
        {"delivery_point_city", &o.point.city},
        {"phone", &o.phone},
        {"email", &o.email},
        {"delivery_method", &o.delivery_method},
        {"payment_method", &o.payment_method},
        {"user_comments", &o.user_comments},
        {"transaction_id", &o.transaction_id},
        {"client_login", &o.client_login},
        {"service_account", &o.service_account},
    };
    for (const auto& [name, target] : fields) *target = std::string(params.text(name));
}

// An id field: empty or 0 = not given; negative or not an integer = invalid.
core::Result<std::optional<store::Id>> read_id(const Params& params, std::string_view name,
                                               wire::Notes& normalised) {
    const auto text = core::php::trim(params.text(name));
    if (text.empty()) return std::optional<store::Id>{};
    auto value = lenient_int(text, name, normalised);
    if (!value || *value < 0) return core::invalid_parameter(std::string(name), "expected an id");
    if (*value == 0) return std::optional<store::Id>{};
    return std::optional<store::Id>{*value};
}

// A reference to the shop's own lists (a status, a delivery or payment method): what PHP's
// (int) would not make an id of is ignored, so that the shop's default applies, and noted.
std::optional<store::Id> read_reference(const Params& params, std::string_view name,
                                        wire::Notes& normalised) {
    const auto text = core::php::trim(params.text(name));
    if (text.empty()) return std::nullopt;
    auto value = lenient_int(text, name, normalised);
    if (value && *value > 0) return *value;
    if (!value || *value < 0) {
        normalised.push_back(std::string(name) + ": \"" + std::string(text) +
                             "\" is not an id; ignored, the shop's default applies");
    }
    return std::nullopt;
}

Status read_ids(const Params& params, OrderAddRequest& request) {
    store::OrderInput& o = request.order;
    // The two that identify an order are never guessed.
    const std::pair<const char*, std::optional<store::Id>*> identifying[] = {
        {"previous_order_id", &request.previous_order_id},
        {"baselinker_id", &o.baselinker_id},
    };
    for (const auto& [name, target] : identifying) {
        auto id = read_id(params, name, request.normalised);
        if (!id) return id.status();
        *target = *id;
    }
    // Without it a re-send could not be recognised: nothing would keep the order exactly once.
    if (!o.baselinker_id)
        return core::invalid_parameter("baselinker_id",
                                       "missing: an order without BaseLinker's id cannot be "
                                       "taken exactly once");
    o.delivery_method_id = read_reference(params, "delivery_method_id", request.normalised);
    o.payment_method_id = read_reference(params, "payment_method_id", request.normalised);
    // A status the shop does not know falls back to the default status in the store.
    o.status_id = read_reference(params, "status_id", request.normalised);
    return {};
}

void read_flags(const Params& params, store::OrderInput& o, wire::Notes& normalised) {
    const std::pair<const char*, bool*> fields[] = {
        {"want_invoice", &o.want_invoice},
        {"payment_method_cod", &o.cod},
        {"paid", &o.paid},
        {"change_products_quantity", &o.take_stock},
    };
    o.take_stock = false;
    for (const auto& [name, target] : fields) {
        if (auto flag = params.flag(name, &normalised)) *target = *flag;
    }
}

std::string line_field(std::size_t line, std::string_view field) {
    return "line " + std::to_string(line + 1) + " " + std::string(field);
}

// What the sent value was, for a problem's message (long values cut, as the journal would).
std::string quoted(std::string_view text) {
    constexpr std::size_t kShown = 40;
    if (text.size() <= kShown) return "\"" + std::string(text) + "\"";
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

// Records why the order must wait for staff (it is stored on hold, not refused).
void hold(store::OrderInput& o, std::optional<std::size_t> line, std::string field,
          std::string message, bool blocking) {
    store::HoldProblem problem;
    if (line) problem.line = static_cast<std::int64_t>(*line);
    problem.message = (line ? line_field(*line, field) : field) + ": " + std::move(message);
    problem.field = std::move(field);
    problem.blocking = blocking;
    o.problems.push_back(std::move(problem));
}

void read_scalars(const Params& params, store::OrderInput& o, const std::string& currency,
                  wire::Notes& normalised) {
    const auto price = core::php::trim(params.text("delivery_price"));
    if (!price.empty()) {
        auto money = lenient_money(price, "delivery_price", normalised);
        if (money)
            o.delivery_price = *money;
        else
            hold(o, std::nullopt, "delivery_price", quoted(price) + " is not an amount; 0 kept",
                 false);
    }
    // PHP's (int) makes 0 ("now") of what is not a time; so does a negative one here.
    const auto date_text = core::php::trim(params.text("date_add"));
    auto date = date_text.empty() ? std::optional<std::int64_t>{0}
                                  : lenient_int(date_text, "date_add", normalised);
    if (!date || *date < 0) {
        normalised.push_back("date_add: \"" + std::string(date_text) +
                             "\" is not unix seconds; the time of arrival applies");
        date = 0;
    }
    o.date_add = *date;
    const auto sent_currency = core::trim(params.text("currency"));
    o.currency = sent_currency.empty() ? currency : std::string(sent_currency);
}

// The catalogue binding as sent; an id that is not a usable id leaves the line to sku/ean.
void read_binding(const wire::RawOrderLine& raw, std::size_t index, store::OrderLineInput& line,
                  wire::Notes& normalised) {
    const auto id = lenient_int(raw.id, line_field(index, "id"), normalised);
    const auto variant_text = core::php::trim(raw.variant_id);
    const auto variant =
        variant_text.empty()
            ? std::optional<std::int64_t>{0}
            : lenient_int(variant_text, line_field(index, "variant_id"), normalised);
    if (id && *id > 0 && variant && *variant >= 0) {
        line.product_id = *id;
        line.variant_id = *variant;
    }
}

std::vector<store::LineAttribute> read_attributes(const wire::RawOrderLine& raw, std::size_t line,
                                                  store::OrderInput& o, wire::Notes& normalised) {
    std::vector<store::LineAttribute> attributes;
    for (std::size_t i = 0; i < raw.attributes.size(); ++i) {
        const wire::RawAttribute& a = raw.attributes[i];
        store::LineAttribute attribute{a.name, a.value, {}};
        const auto price = core::php::trim(a.price);
        const std::string name = "attribute " + std::to_string(i + 1) + " price";
        if (!price.empty()) {
            auto money = lenient_money(price, line_field(line, name), normalised);
            if (money)
                attribute.price = *money;
            else
                hold(o, line, "attribute", name + " " + quoted(price) + " is not an amount; 0 kept",
                     false);
        }
        attributes.push_back(std::move(attribute));
    }
    return attributes;
}

// A tax rate in hundredths of a percent; more decimals are rounded (and noted).
std::optional<std::int64_t> read_tax(std::string_view raw, std::size_t index,
                                     wire::Notes& normalised) {
    const auto text = core::php::trim(raw);
    if (text.empty()) return 0;
    if (auto exact = core::parse_scaled(text, 2)) return exact;
    auto scaled = core::php::scaled(text, 2);
    if (!scaled) return std::nullopt;
    const std::string rate = core::format_scaled(scaled->value, 2);
    normalised.push_back(line_field(index, "tax") + ": \"" + std::string(text) + "\" " +
                         (scaled->rounded ? "rounded to " : "read as ") + rate);
    return scaled->value;
}

// A line as far as it can be read; what cannot be is a problem of the order (kept on hold), with
// a stand-in value staff correct: quantity 1, price 0, tax 0.
store::OrderLineInput read_line(const wire::RawOrderLine& raw, std::size_t index,
                                store::OrderInput& o, wire::Notes& normalised) {
    store::OrderLineInput line;
    read_binding(raw, index, line, normalised);
    line.sku = raw.sku;
    line.ean = raw.ean;
    line.name = raw.name;
    line.auction_id = raw.auction_id;
    auto quantity = lenient_int(raw.quantity, line_field(index, "quantity"), normalised);
    if (quantity && *quantity >= 1 && *quantity <= kMaxQuantity) {
        line.quantity = *quantity;
    } else {
        hold(o, index, "quantity",
             quoted(raw.quantity) + " is not a whole number from 1 to " +
                 std::to_string(kMaxQuantity),
             true);
    }
    auto price = lenient_money(raw.price, line_field(index, "price"), normalised);
    if (!price) {
        hold(o, index, "price", quoted(raw.price) + " is not an amount; 0 kept", true);
    } else {
        line.unit_price = *price;
        if (price->minor() < 0)
            hold(o, index, "price", quoted(raw.price) + " is negative (a discount?)", false);
    }
    auto tax = read_tax(raw.tax, index, normalised);
    if (tax)
        line.tax_rate_bp = *tax;
    else
        hold(o, index, "tax", quoted(raw.tax) + " is not a number; 0 kept", false);
    line.attributes = read_attributes(raw, index, o, normalised);
    return line;
}

// The order total (lines + delivery) must be representable, or it could not be reported exactly:
// a line that would take it out of range keeps price 0 until staff correct it.
void keep_total_in_range(store::OrderInput& o) {
    std::int64_t total = o.delivery_price.minor();
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        store::OrderLineInput& line = o.lines[i];
        std::int64_t amount = 0;
        std::int64_t sum = 0;
        if (__builtin_mul_overflow(line.unit_price.minor(), line.quantity, &amount) ||
            __builtin_add_overflow(total, amount, &sum)) {
            hold(o, i, "price", "price x quantity takes the order total out of range; 0 kept",
                 true);
            line.unit_price = core::Money();
            continue;
        }
        total = sum;
    }
}

// The lines, once `products` is JSON. A list that holds no readable line is a problem of the
// order, not a refusal: the sale is identified by its baselinker_id.
Status read_lines(const Params& params, store::OrderInput& o, wire::Notes& normalised) {
    const auto text = params.text("products");
    if (core::trim(text).empty()) return core::invalid_parameter("products", "missing");
    auto raw = wire::parse_order_lines(text, "products", &normalised);
    if (!raw) {
        // Not JSON at all: nothing of the order can be read.
        if (auto json = wire::JsonDocument::parse(text); !json) return raw.status();
        hold(o, std::nullopt, "products", raw.status().message(), true);
        return {};
    }
    if (raw->empty()) hold(o, std::nullopt, "products", "no line", true);
    o.lines.reserve(raw->size());
    for (std::size_t i = 0; i < raw->size(); ++i)
        o.lines.push_back(read_line((*raw)[i], i, o, normalised));
    keep_total_in_range(o);
    return {};
}

// The request as received, for staff: every form field but the password, keys sorted.
std::string request_text(const Params& params) {
    std::vector<std::pair<std::string_view, std::string_view>> fields;
    for (const auto& [name, value] : params.form().fields)
        if (name != "bl_pass") fields.emplace_back(name, value);
    std::sort(fields.begin(), fields.end());
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    for (const auto& [name, value] : fields) out.key(name).string(value);
    out.end_object();
    return text;
}

}  // namespace

core::Result<OrderAddRequest> read_order_add(const Params& params, const std::string& currency) {
    OrderAddRequest request;
    store::OrderInput& o = request.order;
    o.origin = store::OrderOrigin::BaseLinker;
    read_texts(params, o);
    if (auto status = read_ids(params, request); !status.ok()) return status;
    read_flags(params, o, request.normalised);
    read_scalars(params, o, currency, request.normalised);
    if (auto status = read_lines(params, o, request.normalised); !status.ok()) return status;
    // Kept with the order if the store holds it (also for a line that binds to nothing, which
    // only the store can tell).
    o.request = request_text(params);
    return request;
}

}  // namespace protocol::actions
