// The storefront order file (docs/orders.md) -> store::OrderInput. Strict like the import file:
// an unknown key, a wrong type, a price with more than two decimals or a quantity below 1 names
// its field (and order line), and the caller writes nothing.
#include "records/OrderFile.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include <boost/json.hpp>

#include "core/Decimal.h"
#include "records/JsonRecord.h"
#include "records/OrderFileError.h"

namespace records {
namespace {

namespace json = boost::json;

std::string message(const std::string& field, std::size_t line, const std::string& reason) {
    std::string out = line > 0 ? "line " + std::to_string(line) + ": " : "";
    if (!field.empty()) out += field + ": ";
    return out + reason;
}

// One JSON object of the file. `prefix` makes nested keys unambiguous ("delivery.city"), `line`
// is the order line the object belongs to (0 = none); errors are OrderFileErrors.
class Reader : public JsonRecord {
  public:
    Reader(const wire::JsonDocument& doc, const json::value& v, std::string prefix,
           std::size_t line, std::initializer_list<std::string_view> known)
        : JsonRecord(doc, v, std::move(prefix), known,
                     [line](const std::string& field, const std::string& reason) {
                         throw OrderFileError(field, line, reason);
                     }) {}
};

// ISO codes are stored upper-case; anything but `length` ASCII letters is a mistake.
std::string iso_code(const Reader& r, std::string_view key, std::size_t length) {
    std::string code = r.text(key);
    if (code.empty()) return code;
    bool letters =
        std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
    if (code.size() != length || !letters) {
        r.fail(key, "expected " + std::to_string(length) + " letters (ISO code)");
    }
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return code;
}

store::Address read_address(const wire::JsonDocument& doc, const json::value& v,
                            const std::string& name) {
    Reader r(doc, v, name + ".", 0,
             {"fullname", "company", "address", "city", "postcode", "state_code", "country",
              "country_code"});
    return {r.text("fullname"), r.text("company"),
            r.text("address"),  r.text("city"),
            r.text("postcode"), r.text("state_code"),
            r.text("country"),  iso_code(r, "country_code", 2)};
}

// The invoice block is an address plus the tax id.
store::Address read_invoice(const wire::JsonDocument& doc, const json::value& v, std::string& nip) {
    Reader r(doc, v, "invoice.", 0,
             {"fullname", "company", "nip", "address", "city", "postcode", "state_code", "country",
              "country_code"});
    nip = r.text("nip");
    return {r.text("fullname"), r.text("company"),
            r.text("address"),  r.text("city"),
            r.text("postcode"), r.text("state_code"),
            r.text("country"),  iso_code(r, "country_code", 2)};
}

store::PickupPoint read_pickup_point(const wire::JsonDocument& doc, const json::value& v) {
    Reader r(doc, v, "pickup_point.", 0, {"id", "name", "address", "postcode", "city"});
    return {r.text("id"), r.text("name"), r.text("address"), r.text("postcode"), r.text("city")};
}

void read_delivery_method(const wire::JsonDocument& doc, const json::value& v,
                          store::OrderInput& order) {
    Reader r(doc, v, "delivery_method.", 0, {"name", "id", "price"});
    order.delivery_method = r.text("name");
    order.delivery_method_id = r.integer("id");
    order.delivery_price = r.money("price").value_or(core::Money());
    if (order.delivery_price.minor() < 0) r.fail("price", "must not be negative");
}

void read_payment_method(const wire::JsonDocument& doc, const json::value& v,
                         store::OrderInput& order) {
    Reader r(doc, v, "payment_method.", 0, {"name", "id", "cod"});
    order.payment_method = r.text("name");
    order.payment_method_id = r.integer("id");
    order.cod = r.flag("cod");
}

std::int64_t read_tax(const Reader& r) {
    auto text = r.decimal("tax");
    if (!text) return 2300;
    auto bp = core::parse_scaled(*text, 2);
    if (!bp || *bp < 0 || *bp > 10000)
        r.fail("tax", "expected a VAT rate in percent, e.g. 23 or 5.5");
    return *bp;
}

store::LineAttribute read_attribute(const wire::JsonDocument& doc, const json::value& v,
                                    std::size_t line, std::size_t n) {
    Reader r(doc, v, "attributes[" + std::to_string(n) + "].", line, {"name", "value", "price"});
    store::LineAttribute a{r.text("name"), r.text("value"),
                           r.money("price").value_or(core::Money())};
    if (a.name.empty()) r.fail("name", "is required");
    return a;
}

std::optional<store::Id> read_product_id(const Reader& r) {
    auto id = r.integer("product_id");
    if (id && *id < 1) r.fail("product_id", "must be a positive product id");
    return id;
}

store::OrderLineInput read_line(const wire::JsonDocument& doc, const json::value& v,
                                std::size_t line) {
    Reader r(doc, v, "", line,
             {"product_id", "variant_id", "sku", "ean", "name", "price", "quantity", "tax",
              "attributes"});
    store::OrderLineInput out;
    out.product_id = read_product_id(r);
    out.variant_id = r.integer("variant_id").value_or(0);
    if (out.variant_id < 0) r.fail("variant_id", "must not be negative");
    out.sku = r.text("sku");
    out.ean = r.text("ean");
    out.name = r.text("name");
    if (out.name.empty()) r.fail("name", "is required");
    auto price = r.money("price");  // negative: a discount line
    if (!price) r.fail("price", "is required");
    out.unit_price = *price;
    auto quantity = r.integer("quantity");
    if (!quantity) r.fail("quantity", "is required");
    if (*quantity < 1 || *quantity > 1'000'000) r.fail("quantity", "must be 1 to 1000000");
    out.quantity = *quantity;
    out.tax_rate_bp = read_tax(r);
    if (const auto* attributes = r.array("attributes")) {
        for (std::size_t n = 0; n < attributes->size(); ++n) {
            out.attributes.push_back(read_attribute(r.document(), (*attributes)[n], line, n + 1));
        }
    }
    return out;
}

// Money must stay exact: a total that does not fit 64-bit minor units is refused, not wrapped.
void check_total(const store::OrderInput& order) {
    std::int64_t total = order.delivery_price.minor();
    for (const auto& line : order.lines) {
        std::int64_t amount = 0;
        if (__builtin_mul_overflow(line.unit_price.minor(), line.quantity, &amount) ||
            __builtin_add_overflow(total, amount, &total)) {
            throw OrderFileError("lines", 0, "the order total is too large");
        }
    }
}

void read_lines(const Reader& r, store::OrderInput& order) {
    const auto* lines = r.array("lines");
    if (lines == nullptr || lines->empty()) r.fail("lines", "at least one line is required");
    if (lines->size() > kMaxOrderFileLines) {
        r.fail("lines", "at most " + std::to_string(kMaxOrderFileLines) + " lines");
    }
    for (std::size_t n = 0; n < lines->size(); ++n) {
        order.lines.push_back(read_line(r.document(), (*lines)[n], n + 1));
    }
    check_total(order);
}

void read_contact(const Reader& r, store::OrderInput& order) {
    order.email = r.text("email");
    order.phone = r.text("phone");
    order.client_login = r.text("login");
    order.user_comments = r.text("comments");
    order.currency = iso_code(r, "currency", 3);
    if (order.currency.empty()) order.currency = "PLN";
}

// Delivery and invoice default to the buyer's address: most storefront orders have only one.
void read_addresses(const Reader& r, store::OrderInput& order) {
    store::Address buyer;
    if (const auto* v = r.find("buyer")) buyer = read_address(r.document(), *v, "buyer");
    const auto* delivery = r.find("delivery");
    order.delivery = delivery ? read_address(r.document(), *delivery, "delivery") : buyer;
    const auto* invoice = r.find("invoice");
    order.invoice = invoice ? read_invoice(r.document(), *invoice, order.invoice_nip) : buyer;
    order.want_invoice = r.flag("want_invoice");
    if (const auto* v = r.find("pickup_point")) order.point = read_pickup_point(r.document(), *v);
}

void read_status_and_time(const Reader& r, store::OrderInput& order) {
    order.status_id = r.integer("status_id");
    if (order.status_id && *order.status_id < 1) r.fail("status_id", "must be a status id");
    order.date_add = r.integer("date_add").value_or(0);
    if (order.date_add < 0) r.fail("date_add", "must be unix seconds (UTC), 0 or more");
    order.paid = r.flag("paid");
}

// The reader's message names the line and column of the file, which is what staff look for.
wire::JsonDocument parse_json(std::string_view text) {
    auto document = wire::JsonDocument::parse(text);
    if (!document) throw OrderFileError("", 0, document.status().message());
    return std::move(*document);
}

}  // namespace

OrderFileError::OrderFileError(std::string field_path, std::size_t line_number,
                               const std::string& reason)
    : std::runtime_error(message(field_path, line_number, reason)),
      field(std::move(field_path)),
      line(line_number) {}

namespace {

store::OrderInput read_order_file(std::string_view json_text) {
    const wire::JsonDocument document = parse_json(json_text);
    Reader r(document, document.root(), "", 0,
             {"buyer", "delivery", "invoice", "want_invoice", "pickup_point", "email", "phone",
              "login", "currency", "delivery_method", "payment_method", "paid", "status_id",
              "comments", "date_add", "lines"});
    store::OrderInput order;
    order.origin = store::OrderOrigin::Shop;
    order.take_stock = true;  // a storefront sale always takes stock
    read_contact(r, order);
    read_addresses(r, order);
    if (const auto* v = r.find("delivery_method")) read_delivery_method(r.document(), *v, order);
    if (const auto* v = r.find("payment_method")) read_payment_method(r.document(), *v, order);
    read_status_and_time(r, order);
    read_lines(r, order);
    return order;
}

}  // namespace

core::Status order_file_status(const OrderFileError& error) {
    if (error.field.empty() && error.line == 0) return core::Status::malformed(error.what());
    std::string field = error.field;
    if (error.line > 0) {
        const auto line = "lines[" + std::to_string(error.line) + "]";
        field = field.empty() ? line : line + "." + field;
    }
    return core::Status::invalid_field(std::move(field), error.what());
}

core::Result<store::OrderInput> parse_order_file(std::string_view json_text) {
    try {
        return read_order_file(json_text);
    } catch (const OrderFileError& e) {
        return order_file_status(e);
    }
}

}  // namespace records
