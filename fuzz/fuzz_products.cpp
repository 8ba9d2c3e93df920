// Fuzzes the `products` JSON parser. Invariants: it never crashes; it accepts exactly what is a
// JSON array of objects (cross-checked against Boost.JSON's DOM parser); strings it returns equal
// the DOM's strings; money parsed from a price re-formats to the same amount.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/Money.h"
#include "wire/ProductsInput.h"

namespace {

void check(bool ok, const char* what) {
    if (!ok) {
        fprintf(stderr, "invariant violated: %s\n", what);
        abort();
    }
}

bool is_array_of_objects(const boost::json::value& v) {
    if (!v.is_array()) return false;
    for (const auto& e : v.as_array()) {
        if (!e.is_object()) return false;
    }
    return true;
}

void check_field(const boost::json::object& dom, const char* key, const std::string& text) {
    const auto* v = dom.if_contains(key);
    if (!v || v->is_null()) {
        check(text.empty(), "absent or null field is empty");
    } else if (v->is_string()) {
        check(v->as_string() == text, "string field is returned verbatim");
    } else if (v->is_int64() || v->is_uint64() || v->is_double()) {
        check(!text.empty(), "number field has its source text");
    }
}

void check_money(const std::string& text) {
    auto money = core::Money::parse(text);
    if (!money) return;
    check(core::Money::parse(money->format()) == money, "money round-trips");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view json(reinterpret_cast<const char*>(data), size);
    auto result = wire::parse_products_field(json);

    boost::json::error_code ec;
    boost::json::value dom = boost::json::parse(json, ec);
    if (!result.ok()) {
        check(result.status().code() == core::Code::InvalidField,
              "errors name a field (invalid_parameter)");
        return 0;
    }
    check(!ec, "accepted input is valid JSON");
    // An object of entries reads as its values (Boost.JSON's tree, like PHP's json_decode, keeps
    // a repeated key's first place and last value): the same check as an array.
    boost::json::array array;
    if (dom.is_object()) {
        for (const auto& member : dom.as_object()) array.push_back(member.value());
    } else {
        check(dom.is_array(), "accepted input is an array or an object");
        array = dom.as_array();
    }
    check(is_array_of_objects(array), "accepted input is a list of objects");
    check(array.size() == result->size(), "one entry per element");
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto& obj = array[i].as_object();
        const auto& e = (*result)[i];
        // Repeated keys: the DOM keeps the last one too, so the comparison stays exact.
        check_field(obj, "product_id", e.product_id);
        check_field(obj, "variant_id", e.variant_id);
        check_field(obj, "operation", e.operation);
        check_field(obj, "quantity", e.quantity);
        check_field(obj, "price", e.price);
        check_money(e.price);
    }
    return 0;
}
