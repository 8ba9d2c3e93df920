#pragma once
// Tolerant reading of connector answers: what PHP integration files legitimately emit (numbers as
// strings, "5" for 5, [] for an empty map, ["5"] for a lone key 0) is read, and reported as a
// deviation by the caller where the protocol says otherwise.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/Money.h"

namespace blsim {

// Parses a whole answer; nullopt when it is not JSON.
std::optional<boost::json::value> parse_json(const std::string& body);
// 5 or "5" -> 5; nullopt otherwise (also for 5.5).
std::optional<std::int64_t> as_int(const boost::json::value& v);
// "12" or 12 -> "12" (ids); nullopt for anything else.
std::optional<std::string> as_id(const boost::json::value& v);
// 12.5, 12.50, "12.50" -> exact money; nullopt otherwise (more than 2 decimals, text...).
std::optional<core::Money> as_money(const boost::json::value& v);
// True for the protocol error envelope {"error":true,"error_code":...}.
bool is_error_envelope(const boost::json::value& v);
// The envelope's error_code, "" when not an envelope.
std::string error_code(const boost::json::value& v);
// {} or [] (PHP's empty array).
bool is_empty_map(const boost::json::value& v);
// The raw text of a number as it was on the wire is not kept by Boost.JSON: this checks the
// answer TEXT for money formatting ("price":12.50 vs 12.5) of key `key`; true when every
// occurrence has exactly two decimals.
bool money_has_two_decimals(const std::string& body, const std::string& key);

}  // namespace blsim
