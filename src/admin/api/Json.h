#pragma once
// Reading admin request bodies (strict JSON objects) and query parameters, and writing replies.
// Every failure is an ApiError naming the field; money never passes through double.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "admin/api/Call.h"
#include "core/Money.h"
#include "wire/JsonWriter.h"

namespace boost::json {
class object;
}

namespace admin::api {

// A JSON object body. Throws ApiError 400 invalid_json (not JSON, not an object, invalid UTF-8,
// over 1 MiB) and 422 invalid_field for unknown keys (`allowed`) or wrong types.
class Body {
  public:
    Body(std::string_view text, std::initializer_list<std::string_view> allowed);
    ~Body();
    bool has(std::string_view key) const;
    std::string string(std::string_view key) const;  // required, valid UTF-8
    std::optional<std::string> optional_string(std::string_view key) const;
    std::int64_t integer(std::string_view key) const;  // required; a JSON integer
    std::optional<std::int64_t> optional_integer(std::string_view key) const;
    bool boolean(std::string_view key) const;
    std::optional<bool> optional_boolean(std::string_view key) const;
    // "12.34" or 12.34 (as written in the text, not via double): at most 2 decimals.
    core::Money money(std::string_view key) const;
    const boost::json::object& object() const;

  private:
    struct Impl;
    Impl* impl_;
};

// Query parameters; throw invalid_field naming the parameter on a bad value.
std::optional<std::string> query_text(const Call& call, std::string_view name);
std::optional<std::int64_t> query_integer(const Call& call, std::string_view name);
std::optional<bool> query_boolean(const Call& call, std::string_view name);  // true/false/1/0
// A date "2026-11-29" (start of the day UTC; `end_of_day` = its last second) or unix seconds.
std::optional<std::int64_t> query_time(const Call& call, std::string_view name, bool end_of_day);
// `limit` within 1..options.max_page (default `fallback`).
std::int64_t query_limit(const Call& call, std::int64_t fallback);

// Replies: JSON built with wire::JsonWriter.
core::WebResponse json_reply(int status, std::string body);
core::WebResponse no_content();                              // 204
void write_money(wire::JsonWriter& out, core::Money money);  // "12.34" as a JSON string

}  // namespace admin::api
