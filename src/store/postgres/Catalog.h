#pragma once
// Helpers of the PostgreSQL catalogue import (Import*.cpp): array elements, and running a
// transaction again that PostgreSQL aborted for a conflict with a concurrent writer.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/Store.h"
#include "store/postgres/Arrays.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

// Array elements that ArrayBuilder (Arrays.h) has no overload for. Its add(std::int64_t) would
// take a bool or a double silently, so these name the type.
ArrayBuilder& add_flag(ArrayBuilder& array, bool value);
ArrayBuilder& add_real(ArrayBuilder& array, double value);
ArrayBuilder& add_optional(ArrayBuilder& array, std::optional<std::int64_t> value);  // NULL
ArrayBuilder& add_or_null(ArrayBuilder& array, std::string_view text);               // NULL for ""

// Waits a short, random, growing time before the next try of a transaction that PostgreSQL
// aborted; the random part keeps the transactions that collided from colliding again.
void retry_pause(int tries);

// Runs `attempt` again (a fresh transaction each time) when PostgreSQL aborted it with a
// serialization failure or a deadlock: two processes touching the same rows in another order.
template <class F>
auto retry_on_conflict(F&& attempt) {
    for (int tries = 1;; ++tries) {
        try {
            return attempt();
        } catch (const RetryableError&) {
            if (tries == 5) throw;
        }
        retry_pause(tries);
    }
}

}  // namespace store::postgres
