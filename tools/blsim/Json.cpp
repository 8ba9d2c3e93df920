#include "blsim/Json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>
#include <charconv>
#include <cmath>

namespace blsim {

namespace json = boost::json;

std::optional<json::value> parse_json(const std::string& body) {
    boost::system::error_code ec;
    json::value v = json::parse(body, ec);
    if (ec) return std::nullopt;
    return v;
}

namespace {

std::optional<std::int64_t> parse_int_text(const std::string& text) {
    std::int64_t n = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    auto [ptr, ec] = std::from_chars(begin, end, n);
    if (ec != std::errc() || ptr != end || begin == end) return std::nullopt;
    return n;
}

}  // namespace

std::optional<std::int64_t> as_int(const json::value& v) {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64()) {
        if (v.get_uint64() > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
        return static_cast<std::int64_t>(v.get_uint64());
    }
    if (v.is_double()) {
        // PHP may emit 5.0 for an integral float; accept only exact integers of sane size.
        const double d = v.get_double();
        if (std::trunc(d) != d || std::fabs(d) > 9.0e15) return std::nullopt;
        return static_cast<std::int64_t>(d);
    }
    if (v.is_string()) return parse_int_text(std::string(v.get_string()));
    return std::nullopt;
}

std::optional<std::string> as_id(const json::value& v) {
    if (v.is_string()) {
        std::string s(v.get_string());
        if (s.empty()) return std::nullopt;
        return s;
    }
    if (v.is_int64()) return std::to_string(v.get_int64());
    if (v.is_uint64()) return std::to_string(v.get_uint64());
    return std::nullopt;
}

std::optional<core::Money> as_money(const json::value& v) {
    if (v.is_string()) return core::Money::parse(std::string(v.get_string()));
    if (v.is_int64()) return core::Money::from_minor(v.get_int64() * 100);
    if (v.is_uint64())
        return core::Money::from_minor(static_cast<std::int64_t>(v.get_uint64()) * 100);
    if (v.is_double()) {
        // The wire text was decimal; the shortest round-trip form recovers it exactly.
        char buf[64];
        auto [ptr, ec] =
            std::to_chars(buf, buf + sizeof buf, v.get_double(), std::chars_format::fixed);
        if (ec != std::errc()) return std::nullopt;
        return core::Money::parse(std::string_view(buf, static_cast<std::size_t>(ptr - buf)));
    }
    return std::nullopt;
}

bool is_error_envelope(const json::value& v) {
    if (!v.is_object()) return false;
    const auto& obj = v.get_object();
    const auto* err = obj.if_contains("error");
    return err && err->is_bool() && err->get_bool() && obj.contains("error_code");
}

std::string error_code(const json::value& v) {
    if (!is_error_envelope(v)) return "";
    const auto& code = v.get_object().at("error_code");
    if (code.is_string()) return std::string(code.get_string());
    return json::serialize(code);
}

bool is_empty_map(const json::value& v) {
    return (v.is_object() && v.get_object().empty()) || (v.is_array() && v.get_array().empty());
}

bool money_has_two_decimals(const std::string& body, const std::string& key) {
    const std::string needle = "\"" + key + "\":";
    for (auto pos = body.find(needle); pos != std::string::npos; pos = body.find(needle, pos + 1)) {
        std::size_t i = pos + needle.size();
        while (i < body.size() && body[i] == ' ') ++i;
        if (i < body.size() && body[i] == '"') ++i;  // a money string "12.50" counts the same
        std::size_t digits_end = i;
        while (
            digits_end < body.size() &&
            (std::isdigit(static_cast<unsigned char>(body[digits_end])) || body[digits_end] == '-'))
            ++digits_end;
        if (digits_end == i) continue;  // null, object...: not a money value
        if (digits_end + 3 > body.size() || body[digits_end] != '.') return false;
        if (!std::isdigit(static_cast<unsigned char>(body[digits_end + 1])) ||
            !std::isdigit(static_cast<unsigned char>(body[digits_end + 2])))
            return false;
        if (digits_end + 3 < body.size() &&
            std::isdigit(static_cast<unsigned char>(body[digits_end + 3])))
            return false;
    }
    return true;
}

}  // namespace blsim
