#pragma once
// Small rules shared by the product, order and lookup handlers (Products*.cpp, Orders*.cpp,
// Lookups.cpp): path ids, text lengths counted in characters, cursors, and reply helpers.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "admin/api/Call.h"
#include "admin/api/Json.h"

namespace admin::api {

// The n-th {id} of the route (the router has parsed it as a number).
store::Id path_id(const Call& call, std::size_t n);

// Characters (code points) of valid UTF-8: names and comments are limited in characters, so
// that "Zażółć" counts 6 and not 9.
std::size_t char_count(std::string_view utf8);

// A required text from the body: trimmed (when `trim`), `min`..`max` characters, else
// invalid_field naming `key`.
std::string bounded_text(const Body& body, std::string_view key, std::size_t min, std::size_t max,
                         bool trim);

// An offset-like cursor: digits only, ≥ 0, else invalid_field "cursor". nullopt when absent.
std::optional<std::int64_t> query_cursor(const Call& call);

// The admin API's rules for any JSON body (at most 1 MiB: 413; valid UTF-8, one JSON object,
// no duplicate key at any depth: 400), for bodies whose keys a records parser checks (the
// product record, the order file).
void check_json_body(std::string_view text);

// The order policy in force: what staff saved (`stored.orders`) over [orders] of the config file,
// as the connector's LiveSettings reads it.
store::OrderPolicy order_policy_in_force(const Call& call, const store::StoredSettings& stored);

// A reply whose body is one JSON value written by `write`.
core::WebResponse json_reply_with(int status, const std::function<void(wire::JsonWriter&)>& write);

// {"id":N} with `status` (201 after a create, 200 after an update).
core::WebResponse id_reply(int status, store::Id id);

}  // namespace admin::api
