#pragma once

namespace admin {

// sodium_init() once per process (thread-safe); throws std::runtime_error when libsodium cannot
// start (it then has no safe random source).
void ensure_sodium();

}  // namespace admin
