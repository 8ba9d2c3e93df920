#include "Stats.h"

#include <algorithm>
#include <cmath>

namespace bench {

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

Summary summarize(std::vector<double> latencies_ms, double wall_seconds, double body_bytes) {
    std::sort(latencies_ms.begin(), latencies_ms.end());
    Summary s;
    s.requests = latencies_ms.size();
    s.seconds = wall_seconds;
    s.per_second = wall_seconds > 0 ? static_cast<double>(s.requests) / wall_seconds : 0;
    s.p50_ms = percentile(latencies_ms, 0.50);
    s.p99_ms = percentile(latencies_ms, 0.99);
    s.max_ms = latencies_ms.empty() ? 0 : latencies_ms.back();
    s.avg_kib = s.requests ? body_bytes / static_cast<double>(s.requests) / 1024.0 : 0;
    return s;
}

Repeated min_and_median(std::vector<double> seconds) {
    if (seconds.empty()) return {};
    std::sort(seconds.begin(), seconds.end());
    // The lower median: with an even count it is still a time that was actually measured.
    return {seconds.front(), seconds[(seconds.size() - 1) / 2]};
}

}  // namespace bench
