// Strict request bodies, query parameters and JSON replies of the admin API.
//
// Money in a body may be a JSON number. Boost.JSON 1.81 keeps no number's text and a double
// cannot hold every two-decimal amount, so bodies are read with wire::JsonDocument: the tree the
// handlers read, each number's literal text beside it (Body::money() uses that text, never the
// double), and duplicate keys refused (json::parse would silently keep the last one).
#include "admin/api/Json.h"

#include <array>
#include <limits>
#include <memory>

#include <boost/json.hpp>

#include "core/Decimal.h"
#include "core/Text.h"
#include "wire/JsonDocument.h"

namespace admin::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxBodyBytes = 1024 * 1024;
constexpr std::size_t kMaxDepth = 32;

ApiError invalid_json(const std::string& message, std::string field = {}) {
    return ApiError(core::Status::malformed(message, std::move(field)));
}

// Parses `text`; throws 400 invalid_json for anything but one well-formed JSON value.
wire::JsonDocument parse_body(std::string_view text) {
    wire::JsonReadOptions options;
    options.max_depth = kMaxDepth;
    options.refuse_duplicate_keys = true;
    auto document = wire::JsonDocument::parse(text, options);
    if (!document) throw ApiError(document.status());  // Malformed: 400 invalid_json
    return std::move(*document);
}

void check_allowed(const json::object& object, std::initializer_list<std::string_view> allowed) {
    for (const auto& member : object) {
        std::string_view key(member.key().data(), member.key().size());
        bool known = false;
        for (auto name : allowed) known = known || name == key;
        if (!known) throw invalid_field(std::string(key), "unknown field");
    }
}

}  // namespace

struct Body::Impl {
    explicit Impl(wire::JsonDocument d) : document(std::move(d)), root(document.root()) {}
    wire::JsonDocument document;
    const json::value& root;

    // The member, or nullptr when absent or null (null counts as missing).
    const json::value* find(std::string_view key) const {
        const auto* v = root.get_object().if_contains(key);
        return (v == nullptr || v->is_null()) ? nullptr : v;
    }
    const json::value& require(std::string_view key) const {
        const auto* v = find(key);
        if (v == nullptr) throw invalid_field(std::string(key), "is required");
        return *v;
    }
};

Body::Body(std::string_view text, std::initializer_list<std::string_view> allowed) {
    if (text.size() > kMaxBodyBytes) {
        throw ApiError({core::Code::TooLarge, {}, "the body is larger than 1 MiB"});
    }
    if (!core::is_valid_utf8(text)) throw invalid_json("the body is not valid UTF-8");
    std::unique_ptr<Impl> impl(new Impl(parse_body(text)));  // freed if a check below throws
    if (!impl->root.is_object()) throw invalid_json("the body must be a JSON object");
    check_allowed(impl->root.get_object(), allowed);
    impl_ = impl.release();
}

Body::~Body() {
    delete impl_;
}

bool Body::has(std::string_view key) const {
    return impl_->find(key) != nullptr;
}

std::string Body::string(std::string_view key) const {
    auto value = optional_string(key);
    if (!value) throw invalid_field(std::string(key), "is required");
    return *value;
}

std::optional<std::string> Body::optional_string(std::string_view key) const {
    const auto* v = impl_->find(key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) throw invalid_field(std::string(key), "expected a string");
    std::string text(v->get_string());
    // \u escapes can name lone surrogates, which are not UTF-8.
    if (!core::is_valid_utf8(text)) throw invalid_field(std::string(key), "not valid UTF-8");
    return text;
}

std::int64_t Body::integer(std::string_view key) const {
    auto value = optional_integer(key);
    if (!value) throw invalid_field(std::string(key), "is required");
    return *value;
}

std::optional<std::int64_t> Body::optional_integer(std::string_view key) const {
    const auto* v = impl_->find(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64()) throw invalid_field(std::string(key), "out of range");
    throw invalid_field(std::string(key), "expected an integer");
}

bool Body::boolean(std::string_view key) const {
    auto value = optional_boolean(key);
    if (!value) throw invalid_field(std::string(key), "is required");
    return *value;
}

std::optional<bool> Body::optional_boolean(std::string_view key) const {
    const auto* v = impl_->find(key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_bool()) throw invalid_field(std::string(key), "expected true or false");
    return v->get_bool();
}

core::Money Body::money(std::string_view key) const {
    const auto& v = impl_->require(key);
    std::string text;
    if (v.is_string()) {
        text = std::string(v.get_string());
    } else if (auto number = impl_->document.number_text(v)) {
        text = std::string(*number);
    } else {
        throw invalid_field(std::string(key), "expected an amount such as \"12.34\"");
    }
    auto money = core::Money::parse(text);
    if (!money) throw invalid_field(std::string(key), "not an amount with at most 2 decimals");
    return *money;
}

const json::object& Body::object() const {
    return impl_->root.get_object();
}

// ---- query parameters ----

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// "YYYY-MM-DD" -> unix seconds of its midnight UTC.
std::optional<std::int64_t> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    std::int64_t year = *core::parse_int(y);
    auto month = static_cast<unsigned>(*core::parse_int(m));
    auto day = static_cast<unsigned>(*core::parse_int(d));
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    return days_from_civil(year, month, day) * 86400;
}

}  // namespace

// An empty value ("?status_id=") counts as absent: a form with a blank filter means "any".
std::optional<std::string> query_text(const Call& call, std::string_view name) {
    const std::string* value = call.query.find(name);
    if (value == nullptr || value->empty()) return std::nullopt;
    if (!core::is_valid_utf8(*value)) throw invalid_field(std::string(name), "not valid UTF-8");
    return *value;
}

std::optional<std::int64_t> query_integer(const Call& call, std::string_view name) {
    auto text = query_text(call, name);
    if (!text) return std::nullopt;
    auto value = core::parse_int(*text);
    if (!value) throw invalid_field(std::string(name), "expected an integer");
    return value;
}

std::optional<bool> query_boolean(const Call& call, std::string_view name) {
    auto text = query_text(call, name);
    if (!text) return std::nullopt;
    if (*text == "true" || *text == "1") return true;
    if (*text == "false" || *text == "0") return false;
    throw invalid_field(std::string(name), "expected true or false");
}

std::optional<std::int64_t> query_time(const Call& call, std::string_view name, bool end_of_day) {
    auto text = query_text(call, name);
    if (!text) return std::nullopt;
    if (all_digits(*text)) {
        auto seconds = core::parse_int(*text);
        if (seconds) return seconds;
    } else if (auto midnight = parse_date(*text)) {
        return end_of_day ? *midnight + 86399 : *midnight;
    }
    throw invalid_field(std::string(name), "expected a date YYYY-MM-DD or unix seconds");
}

std::int64_t query_limit(const Call& call, std::int64_t fallback) {
    auto limit = query_integer(call, "limit");
    if (!limit) return fallback;
    auto max = static_cast<std::int64_t>(call.options.max_page);
    if (*limit < 1 || *limit > max) {
        throw invalid_field("limit", "must be between 1 and " + std::to_string(max));
    }
    return *limit;
}

// ---- replies ----

core::WebResponse json_reply(int status, std::string body) {
    core::WebResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

core::WebResponse no_content() {
    core::WebResponse response;
    response.status = 204;
    return response;
}

void write_money(wire::JsonWriter& out, core::Money money) {
    out.string(money.format());
}

}  // namespace admin::api
