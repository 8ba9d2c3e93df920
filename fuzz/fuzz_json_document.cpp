// Fuzzes wire::JsonDocument, the tree reader whose numbers keep their literal text. Invariants: it
// never crashes; it accepts exactly what Boost.JSON's own parser accepts and builds the same tree;
// every number of the tree has a text, the text alone is a JSON number of the same kind (the same
// value when an integer), and nothing else has one. Doubles are not compared: Boost.JSON 1.81 is
// not correctly rounded and reads "30.0000000001000400" to different doubles inside an array and
// alone (why money uses the text). Trees are compared serialized: it reads 0e400 as NaN.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "wire/JsonDocument.h"

namespace {

void check(bool ok, const char* what) {
    if (!ok) {
        fprintf(stderr, "invariant violated: %s\n", what);
        abort();
    }
}

void check_numbers(const wire::JsonDocument& document, const boost::json::value& v) {
    if (const auto* object = v.if_object()) {
        for (const auto& member : *object) check_numbers(document, member.value());
    } else if (const auto* array = v.if_array()) {
        for (const auto& element : *array) check_numbers(document, element);
    } else if (v.is_number()) {
        auto text = document.number_text(v);
        check(text.has_value(), "every number has its text");
        boost::json::error_code ec;
        auto again = boost::json::parse(boost::json::string_view(text->data(), text->size()), ec);
        check(!ec && again.kind() == v.kind(), "the text is a number of the same kind");
        check(v.is_double() || again == v, "an integer's text is the integer");
    } else {
        check(!document.number_text(v).has_value(), "only numbers have a text");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view json(reinterpret_cast<const char*>(data), size);
    auto document = wire::JsonDocument::parse(json);
    boost::json::error_code ec;
    boost::json::value dom = boost::json::parse(json, ec);
    check(document.ok() == !ec, "accepts what Boost.JSON accepts");
    if (!document) {
        check(document.status().code() == core::Code::Malformed, "a refusal is Malformed");
        return 0;
    }
    check(boost::json::serialize(document->root()) == boost::json::serialize(dom),
          "builds the same tree");
    check_numbers(*document, document->root());
    return 0;
}
