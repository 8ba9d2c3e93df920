#include "admin/Sodium.h"

#include <sodium.h>

#include <stdexcept>

namespace admin {

void ensure_sodium() {
    // A function-local static: C++ runs its initialiser exactly once, even across threads.
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace admin
