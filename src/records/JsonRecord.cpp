#include "records/JsonRecord.h"

#include <algorithm>

#include <boost/json.hpp>

#include "core/Decimal.h"

namespace records {

namespace json = boost::json;

JsonFieldError::JsonFieldError(std::string f, std::string r)
    : std::runtime_error(f.empty() ? r : f + ": " + r), field(std::move(f)), reason(std::move(r)) {}

std::string json_decimal_text(const wire::JsonDocument& document, const json::value& v,
                              const std::string& key) {
    if (v.is_string()) return std::string(v.get_string());
    if (auto number = document.number_text(v)) {
        if (number->find_first_of("eE") != std::string_view::npos) {
            throw JsonFieldError(key, "not a plain decimal number");
        }
        return std::string(*number);
    }
    throw JsonFieldError(key, "expected a number or a decimal string");
}

JsonRecord::JsonRecord(const wire::JsonDocument& document, const json::value& v, std::string prefix,
                       std::initializer_list<std::string_view> known, Raise raise)
    : document_(&document), prefix_(std::move(prefix)), raise_(std::move(raise)) {
    if (!v.is_object()) fail("", "expected an object");
    object_ = &v.get_object();
    for (const auto& member : *object_) {
        if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
            fail(member.key(), "unknown key");
        }
    }
}

void JsonRecord::fail(std::string_view key, const std::string& reason) const {
    std::string field = prefix_ + std::string(key);
    if (!field.empty() && field.back() == '.') field.pop_back();
    if (raise_) raise_(field, reason);
    throw JsonFieldError(field, reason);
}

const json::value* JsonRecord::find(std::string_view key) const {
    const auto* v = object_->if_contains(key);
    return (v == nullptr || v->is_null()) ? nullptr : v;
}

std::string JsonRecord::text(std::string_view key) const {
    const auto* v = find(key);
    if (v == nullptr) return "";
    if (v->is_string()) return std::string(v->get_string());
    if (v->is_int64() || v->is_uint64()) return decimal_of(key, *v);
    fail(key, "expected a string");
}

std::string JsonRecord::required_text(std::string_view key) const {
    auto value = text(key);
    if (value.empty()) fail(key, "is required");
    return value;
}

bool JsonRecord::flag(std::string_view key, bool fallback) const {
    const auto* v = find(key);
    if (v == nullptr) return fallback;
    if (v->is_bool()) return v->get_bool();
    if (v->is_int64() && (v->get_int64() == 0 || v->get_int64() == 1)) return v->get_int64();
    fail(key, "expected true or false");
}

std::optional<std::int64_t> JsonRecord::integer(std::string_view key) const {
    const auto* v = find(key);
    if (v == nullptr || (v->is_string() && v->get_string().empty())) return std::nullopt;
    auto parsed = core::parse_int(decimal_of(key, *v));
    if (!parsed) fail(key, "expected an integer");
    return parsed;
}

std::optional<core::Money> JsonRecord::money(std::string_view key) const {
    const auto* v = find(key);
    if (v == nullptr) return std::nullopt;
    auto parsed = core::Money::parse(decimal_of(key, *v));
    if (!parsed) fail(key, "not a price with at most 2 decimals");
    return parsed;
}

std::optional<std::string> JsonRecord::decimal(std::string_view key) const {
    const auto* v = find(key);
    if (v == nullptr) return std::nullopt;
    return decimal_of(key, *v);
}

const json::array* JsonRecord::array(std::string_view key) const {
    const auto* v = find(key);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) fail(key, "expected an array");
    return &v->get_array();
}

std::string JsonRecord::decimal_of(std::string_view key, const json::value& v) const {
    try {
        return json_decimal_text(*document_, v, std::string(key));
    } catch (const JsonFieldError& e) {
        fail(key, e.reason);
    }
}

}  // namespace records
