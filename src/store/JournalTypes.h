#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace store {

// One connector request as the journal keeps it. Never holds the password.
struct JournalEntry {
    std::int64_t id = 0;     // assigned by the store
    std::int64_t at_ms = 0;  // unix milliseconds, UTC
    std::string request_id;
    std::string client;  // client address
    std::string action;  // canonical action name, or what was sent when unknown
    std::int64_t duration_us = 0;
    int http_status = 200;
    std::string outcome;  // "ok" or the protocol error code
    std::int64_t response_bytes = 0;
    std::string detail;  // JSON text: skipped entries with reasons, ids... ("" = none)
};

struct JournalQuery {
    std::optional<std::int64_t> from_ms, to_ms;
    std::optional<std::string> action;      // exact canonical name
    std::optional<std::string> outcome;     // exact outcome ("ok", "invalid_parameter"...)
    bool errors_only = false;               // outcome != "ok"
    std::int64_t limit = 50;                // newest first
    std::optional<std::int64_t> before_id;  // cursor: entries with id < before_id
};

// The newest successful call of one action (admin health page).
struct ActionLastOk {
    std::string action;
    std::int64_t at_ms = 0;
    std::int64_t calls_24h = 0;  // entries of this action, any outcome, in the day before now
};

}  // namespace store
