#pragma once
// What `blsim load` measured: per action the latencies and errors, merged from every thread.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "blsim/LoadMix.h"

namespace blsim {

struct ActionStats {
    std::vector<double> ms;  // one per answered or failed request
    std::uint64_t errors = 0;
    std::string first_error;  // an example for the report
};

using LoadStats = std::array<ActionStats, kLoadActions>;

void merge_stats(LoadStats& into, LoadStats&& from);
// Prints the table (stdout) and the first error of each action; `seconds` is the wall time.
void print_load_report(LoadStats& stats, double seconds);

}  // namespace blsim
