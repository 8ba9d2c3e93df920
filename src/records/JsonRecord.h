#pragma once
// One JSON object of a shop file (the import file, the storefront order file). Strict: every key
// must be one of the known ones (a typo is reported, not silently dropped), `null` counts as
// missing, and numbers are read as the text the file has (wire::JsonDocument) so money never
// passes through a double.
// A problem raises through the file's own error type (record number, order line...).
#include <boost/json/fwd.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/Money.h"
#include "wire/JsonDocument.h"

namespace records {

// A field that is not what the file format says; what() is "<field>: <reason>".
struct JsonFieldError : std::runtime_error {
    JsonFieldError(std::string field, std::string reason);
    std::string field, reason;
};

// The decimal text of a JSON scalar of `document`: strings as they are, numbers exactly as the
// file writes them ("12.50" stays "12.50"). Throws JsonFieldError(key, …) for anything else
// (exponent forms, containers, booleans).
std::string json_decimal_text(const wire::JsonDocument& document, const boost::json::value& value,
                              const std::string& key);

class JsonRecord {
  public:
    // Raises an error for `field` (prefix + key); must throw.
    using Raise = std::function<void(const std::string& field, const std::string& reason)>;

    // `v` is a value of `document`; `prefix` names nested objects ("delivery."); the default
    // `raise` throws JsonFieldError.
    JsonRecord(const wire::JsonDocument& document, const boost::json::value& v, std::string prefix,
               std::initializer_list<std::string_view> known, Raise raise = {});

    [[noreturn]] void fail(std::string_view key, const std::string& reason) const;
    const boost::json::value* find(std::string_view key) const;
    std::string text(std::string_view key) const;  // "" when missing; integers as their text
    std::string required_text(std::string_view key) const;
    bool flag(std::string_view key, bool fallback = false) const;     // true/false or 0/1
    std::optional<std::int64_t> integer(std::string_view key) const;  // "" counts as missing
    std::optional<core::Money> money(std::string_view key) const;     // at most 2 decimals
    std::optional<std::string> decimal(std::string_view key) const;   // decimal text
    const boost::json::array* array(std::string_view key) const;
    const wire::JsonDocument& document() const { return *document_; }

  private:
    std::string decimal_of(std::string_view key, const boost::json::value& v) const;
    const wire::JsonDocument* document_;
    const boost::json::object* object_ = nullptr;
    std::string prefix_;
    Raise raise_;
};

}  // namespace records
