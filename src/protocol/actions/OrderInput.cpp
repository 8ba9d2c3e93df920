// OrderAdd's fields, checked and converted. The order of checks is the order of the fields in
// docs/protocol.md §3.2, so the error names the first bad one deterministically.
#include "protocol/actions/OrderInput.h"

#include <limits>
#include <utility>

#include "core/Decimal.h"
#include "core/Text.h"
#include "protocol/actions/Common.h"
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
core::Result<std::optional<store::Id>> read_id(const Params& params, std::string_view name) {
    auto value = optional_int_field(params, name);
    if (!value) return value.status();
    if (*value && **value < 0) return core::invalid_parameter(std::string(name), "expected an id");
    if (*value && **value == 0) return std::optional<store::Id>{};
    return *value;
}

Status read_ids(const Params& params, OrderAddRequest& request) {
    store::OrderInput& o = request.order;
    const std::pair<const char*, std::optional<store::Id>*> fields[] = {
        {"previous_order_id", &request.previous_order_id},
        {"baselinker_id", &o.baselinker_id},
        {"delivery_method_id", &o.delivery_method_id},
        {"payment_method_id", &o.payment_method_id},
    };
    for (const auto& [name, target] : fields) {
        auto id = read_id(params, name);
        if (!id) return id.status();
        *target = *id;
    }
    // Any integer: a status the shop does not know falls back to the default status.
    auto status = optional_int_field(params, "status_id");
    if (!status) return status.status();
    o.status_id = *status;
    return {};
}

Status read_flags(const Params& params, store::OrderInput& o) {
    // change_products_quantity: only an explicit 1 takes stock, as in the official PHP files.
    const std::pair<const char*, bool*> fields[] = {
        {"want_invoice", &o.want_invoice},
        {"payment_method_cod", &o.cod},
        {"paid", &o.paid},
        {"change_products_quantity", &o.take_stock},
    };
    o.take_stock = false;
    for (const auto& [name, target] : fields) {
        auto flag = params.flag(name);
        if (!flag) return flag.status();
        if (*flag) *target = **flag;
    }
    return {};
}

Status read_scalars(const Params& params, store::OrderInput& o, const std::string& currency) {
    const auto price = core::trim(params.text("delivery_price"));
    if (!price.empty()) {
        auto money = core::Money::parse(price);
        if (!money) return core::invalid_parameter("delivery_price", "expected a decimal amount");
        o.delivery_price = *money;
    }
    auto date = optional_int_field(params, "date_add");
    if (!date) return date.status();
    if (*date && **date < 0) return core::invalid_parameter("date_add", "expected unix seconds");
    o.date_add = date->value_or(0);
    const auto sent_currency = core::trim(params.text("currency"));
    o.currency = sent_currency.empty() ? currency : std::string(sent_currency);
    return {};
}

core::Status line_error(std::size_t line, const std::string& what) {
    return core::invalid_parameter("products", "line " + std::to_string(line + 1) + " " + what);
}

// The catalogue binding as sent; an id that is not a usable id leaves the line to sku/ean.
void read_binding(const wire::RawOrderLine& raw, store::OrderLineInput& line) {
    const auto id = core::parse_int(core::trim(raw.id));
    const auto variant_text = core::trim(raw.variant_id);
    const auto variant =
        variant_text.empty() ? std::optional<std::int64_t>{0} : core::parse_int(variant_text);
    if (id && *id > 0 && variant && *variant >= 0) {
        line.product_id = *id;
        line.variant_id = *variant;
    }
}

core::Result<std::vector<store::LineAttribute>> read_attributes(const wire::RawOrderLine& raw,
                                                                std::size_t line) {
    std::vector<store::LineAttribute> attributes;
    for (std::size_t i = 0; i < raw.attributes.size(); ++i) {
        const wire::RawAttribute& a = raw.attributes[i];
        store::LineAttribute attribute{a.name, a.value, {}};
        const auto price = core::trim(a.price);
        if (!price.empty()) {
            auto money = core::Money::parse(price);
            if (!money) {
                return line_error(line, "attribute " + std::to_string(i + 1) +
                                            " price: expected a decimal amount");
            }
            attribute.price = *money;
        }
        attributes.push_back(std::move(attribute));
    }
    return attributes;
}

core::Result<store::OrderLineInput> read_line(const wire::RawOrderLine& raw, std::size_t index) {
    store::OrderLineInput line;
    read_binding(raw, line);
    line.sku = raw.sku;
    line.ean = raw.ean;
    line.name = raw.name;
    line.auction_id = raw.auction_id;
    auto quantity = core::parse_int(core::trim(raw.quantity));
    if (!quantity || *quantity < 1 || *quantity > kMaxQuantity) {
        return line_error(
            index, "quantity: expected an integer from 1 to " + std::to_string(kMaxQuantity));
    }
    line.quantity = *quantity;
    auto price = core::Money::parse(core::trim(raw.price));
    if (!price)
        return line_error(index, "price: expected a decimal amount with at most 2 decimals");
    line.unit_price = *price;
    const auto tax_text = core::trim(raw.tax);
    auto tax = tax_text.empty() ? std::optional<std::int64_t>{0} : core::parse_scaled(tax_text, 2);
    if (!tax) return line_error(index, "tax: expected a number");
    line.tax_rate_bp = *tax;
    auto attributes = read_attributes(raw, index);
    if (!attributes) return attributes.status();
    line.attributes = std::move(*attributes);
    return line;
}

// The order total (lines + delivery) must be representable, or it could not be reported exactly.
bool total_fits(const store::OrderInput& o) {
    std::int64_t total = o.delivery_price.minor();
    for (const auto& line : o.lines) {
        std::int64_t amount = 0;
        if (__builtin_mul_overflow(line.unit_price.minor(), line.quantity, &amount) ||
            __builtin_add_overflow(total, amount, &total)) {
            return false;
        }
    }
    return true;
}

Status read_lines(const Params& params, store::OrderInput& o) {
    const auto text = params.text("products");
    if (core::trim(text).empty()) return core::invalid_parameter("products", "missing");
    auto raw = wire::parse_order_lines(text, "products");
    if (!raw) return raw.status();
    if (raw->empty()) return core::invalid_parameter("products", "expected at least one line");
    o.lines.reserve(raw->size());
    for (std::size_t i = 0; i < raw->size(); ++i) {
        auto line = read_line((*raw)[i], i);
        if (!line) return line.status();
        o.lines.push_back(std::move(*line));
    }
    if (!total_fits(o)) return core::invalid_parameter("products", "order total out of range");
    return {};
}

}  // namespace

core::Result<OrderAddRequest> read_order_add(const Params& params, const std::string& currency) {
    OrderAddRequest request;
    store::OrderInput& o = request.order;
    o.origin = store::OrderOrigin::BaseLinker;
    read_texts(params, o);
    if (auto status = read_ids(params, request); !status.ok()) return status;
    if (auto status = read_flags(params, o); !status.ok()) return status;
    if (auto status = read_scalars(params, o, currency); !status.ok()) return status;
    if (auto status = read_lines(params, o); !status.ok()) return status;
    return request;
}

}  // namespace protocol::actions
