#include "blsim/SyncReport.h"

#include <chrono>
#include <cstdio>
#include <exception>

namespace blsim {

bool SyncReport::run(const std::string& phase, const std::function<std::string()>& body) {
    Row row;
    row.phase = phase;
    const auto requests = client_.requests();
    const auto bytes = client_.bytes_received();
    const auto start = std::chrono::steady_clock::now();
    try {
        row.result = body();
    } catch (const std::exception& e) {
        row.ok = false;
        row.result = std::string("FAILED: ") + e.what();
    }
    row.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    row.requests = client_.requests() - requests;
    row.bytes = client_.bytes_received() - bytes;
    rows_.push_back(row);
    return row.ok;
}

void SyncReport::print() const {
    std::printf("%-16s %8s %12s %10s  %s\n", "phase", "requests", "bytes", "wall ms", "result");
    std::uint64_t requests = 0, bytes = 0;
    double ms = 0;
    for (const auto& r : rows_) {
        std::printf("%-16s %8llu %12llu %10.1f  %s\n", r.phase.c_str(),
                    static_cast<unsigned long long>(r.requests),
                    static_cast<unsigned long long>(r.bytes), r.ms, r.result.c_str());
        requests += r.requests;
        bytes += r.bytes;
        ms += r.ms;
    }
    std::printf("%-16s %8llu %12llu %10.1f\n", "total", static_cast<unsigned long long>(requests),
                static_cast<unsigned long long>(bytes), ms);
}

}  // namespace blsim
