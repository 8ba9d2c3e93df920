#include "blsim/LoadReport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace blsim {

namespace {

// Nearest-rank percentile of a sorted sample.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

void print_row(const char* name, std::vector<double>& ms, std::uint64_t errors, double seconds) {
    std::sort(ms.begin(), ms.end());
    const double rate = seconds > 0 ? static_cast<double>(ms.size()) / seconds : 0;
    std::printf("%-8s %9zu %7llu %9.1f %9.2f %9.2f %9.2f %9.2f\n", name, ms.size(),
                static_cast<unsigned long long>(errors), rate, percentile(ms, 50),
                percentile(ms, 90), percentile(ms, 99), ms.empty() ? 0.0 : ms.back());
}

}  // namespace

void merge_stats(LoadStats& into, LoadStats&& from) {
    for (std::size_t i = 0; i < into.size(); ++i) {
        auto& a = into[i];
        auto& b = from[i];
        a.ms.insert(a.ms.end(), b.ms.begin(), b.ms.end());
        a.errors += b.errors;
        if (a.first_error.empty()) a.first_error = std::move(b.first_error);
    }
}

void print_load_report(LoadStats& stats, double seconds) {
    std::printf("%-8s %9s %7s %9s %9s %9s %9s %9s\n", "action", "requests", "errors", "req/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms");
    std::vector<double> all;
    std::uint64_t errors = 0;
    for (std::size_t i = 0; i < stats.size(); ++i) {
        auto& s = stats[i];
        if (s.ms.empty()) continue;
        all.insert(all.end(), s.ms.begin(), s.ms.end());
        errors += s.errors;
        print_row(action_name(static_cast<LoadAction>(i)), s.ms, s.errors, seconds);
    }
    print_row("total", all, errors, seconds);
    for (std::size_t i = 0; i < stats.size(); ++i)
        if (!stats[i].first_error.empty())
            std::printf("first %s error: %s\n", action_name(static_cast<LoadAction>(i)),
                        stats[i].first_error.c_str());
}

}  // namespace blsim
