#pragma once
// `blsim load`: bounded load against one connector URL, latency percentiles per action.
#include <string>

#include "blsim/Client.h"

namespace blsim {

struct LoadOptions {
    Target target;
    int duration_s = 10;
    int concurrency = 4;
    std::string mix = "list:60,data:20,stock:15,orders:5";
};

// Exit status: 0 done, 1 some requests failed (non-200 or error envelope), 2 could not run.
int run_load(const LoadOptions& options);

}  // namespace blsim
