#pragma once
// Latency samples -> throughput and percentiles.
#include <cstddef>
#include <vector>

namespace bench {

struct Summary {
    std::size_t requests = 0;
    double seconds = 0;  // wall time of the measured requests
    double per_second = 0;
    double p50_ms = 0, p99_ms = 0, max_ms = 0;
    double avg_kib = 0;  // mean response body size
};

Summary summarize(std::vector<double> latencies_ms, double wall_seconds, double body_bytes);

// Nearest-rank percentile (0 < p <= 1) of an ascending vector.
double percentile(const std::vector<double>& sorted, double p);

// Minimum and median of repeated wall times.
struct Repeated {
    double min_s = 0, median_s = 0;
};
Repeated min_and_median(std::vector<double> seconds);

}  // namespace bench
