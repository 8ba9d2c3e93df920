// Fuzzes OrderAdd's `products` parser. Invariants: it never crashes; whatever it accepts is valid
// JSON holding an array of at most kMaxOrderLines objects, one line per element; every text it
// returns is valid UTF-8; a price that parses as money re-formats to the same amount.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/Money.h"
#include "core/Text.h"
#include "wire/ProductsInput.h"

namespace {

void check(bool ok, const char* what) {
    if (!ok) {
        fprintf(stderr, "invariant violated: %s\n", what);
        abort();
    }
}

void check_text(const std::string& text) {
    check(core::is_valid_utf8(text), "returned text is valid UTF-8");
}

void check_line(const wire::RawOrderLine& line) {
    for (const auto* text : {&line.id, &line.variant_id, &line.sku, &line.ean, &line.name,
                             &line.price, &line.quantity, &line.tax, &line.auction_id}) {
        check_text(*text);
    }
    for (const auto& a : line.attributes) {
        check_text(a.name);
        check_text(a.value);
        check_text(a.price);
    }
    if (auto money = core::Money::parse(line.price)) {
        check(core::Money::parse(money->format()) == money, "money round-trips");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view json(reinterpret_cast<const char*>(data), size);
    auto result = wire::parse_order_lines(json);
    if (!result.ok()) {
        check(result.status().code() == core::Code::InvalidField,
              "errors name a field (invalid_parameter)");
        return 0;
    }
    boost::json::error_code ec;
    boost::json::value dom = boost::json::parse(json, ec);
    check(!ec, "accepted input is valid JSON");
    // An object of lines reads as its values (a repeated key keeps one place, as in the tree).
    check(dom.is_array() || dom.is_object(), "accepted input is an array or an object");
    const std::size_t elements = dom.is_array() ? dom.as_array().size() : dom.as_object().size();
    check(elements == result->size(), "one line per element");
    check(result->size() <= wire::kMaxOrderLines, "line limit holds");
    for (const auto& line : *result) check_line(line);
    return 0;
}
