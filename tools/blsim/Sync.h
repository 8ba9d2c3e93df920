#pragma once
// `blsim sync`: one BaseLinker synchronisation cycle, resumable from its saved state.
#include <string>

#include "blsim/Client.h"

namespace blsim {

struct SyncOptions {
    Target target;
    std::string state_dir;
    int orders = 0;
    bool progress = true;
};

// Exit status: 0 verified, 1 a verification failed, 2 could not run.
int run_sync(const SyncOptions& options);

}  // namespace blsim
