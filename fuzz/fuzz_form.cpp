// Fuzzes form decoding. Input: the first line is the Content-Type header, the rest the body.
// Invariants: decoding never crashes; read as PHP would (KeepLiterally) it never fails;
// re-encoding the decoded fields and decoding again gives the same fields; bracket JSON is valid
// JSON; JSON written from any decoded text is valid UTF-8.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/Text.h"
#include "wire/Form.h"
#include "wire/JsonWriter.h"
#include "wire/ProductsInput.h"

namespace {

void check(bool ok, const char* what) {
    if (!ok) {
        fprintf(stderr, "invariant violated: %s\n", what);
        abort();
    }
}

std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xF]);
        }
    }
    return out;
}

void check_round_trip(const wire::Form& form) {
    std::string body;
    for (const auto& [key, value] : form.fields) {
        if (!body.empty()) body.push_back('&');
        body += percent_encode(key) + "=" + percent_encode(value);
    }
    auto again = wire::decode_urlencoded(body);
    check(again.ok(), "re-encoded form decodes");
    check(again->fields == form.fields, "re-encoded form round-trips");
}

// Each field in its own object: two different invalid keys may legitimately print the same.
void check_written_field(const std::string& key, const std::string& value) {
    std::string out;
    wire::JsonWriter w(out);
    w.begin_object().key(key).string(value).end_object();
    check(core::is_valid_utf8(out), "writer output is valid UTF-8");
    boost::json::error_code ec;
    auto parsed = boost::json::parse(out, ec);
    check(!ec && parsed.is_object() && parsed.as_object().size() == 1, "writer output parses");
    if (!core::is_valid_utf8(key) || !core::is_valid_utf8(value)) return;
    const auto* v = parsed.as_object().if_contains(key);
    check(v && v->is_string() && v->as_string() == value, "valid text survives the writer");
}

void check_brackets(const wire::Form& form, std::string_view name) {
    auto json = wire::bracket_field_as_json(form, name);
    if (!json) return;
    check(core::is_valid_utf8(*json), "bracket JSON is valid UTF-8");
    boost::json::error_code ec;
    boost::json::parse(*json, ec);
    check(!ec || ec == boost::json::error::too_deep, "bracket JSON parses");
    (void)wire::parse_products_field(*json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto eol = input.find('\n');
    std::string_view content_type = eol == std::string_view::npos ? "" : input.substr(0, eol);
    std::string_view body = eol == std::string_view::npos ? input : input.substr(eol + 1);

    // As the connector reads it, a urlencoded body always decodes (a stray '%' stays literal).
    auto literal = wire::decode_urlencoded(body, wire::BadEscape::KeepLiterally);
    check(literal.ok(), "a urlencoded body read as PHP reads it always decodes");

    auto form = wire::decode_form(body, content_type);
    if (!form) {
        check(form.status().code() == core::Code::Malformed && !form.status().message().empty(),
              "a failed decode is Malformed and says why");
        return 0;
    }
    check_round_trip(*form);
    for (const auto& [key, value] : form->fields) check_written_field(key, value);
    check_brackets(*form, "products");
    for (const auto& [key, value] : form->fields) {
        if (auto bracket = key.find('['); bracket != std::string::npos && bracket > 0) {
            check_brackets(*form, std::string_view(key).substr(0, bracket));
            break;
        }
    }
    return 0;
}
