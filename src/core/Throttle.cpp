// Sliding-window failure counts per address.
#include "core/Throttle.h"

namespace core {
namespace {

// Above this many tracked addresses, stale ones are dropped: a scan from many addresses must
// not grow memory without bound.
constexpr std::size_t kSweepThreshold = 10000;

}  // namespace

Throttle::Throttle(int max_failures, std::chrono::seconds window, int global_max_failures)
    : max_failures_(max_failures), window_(window), global_max_failures_(global_max_failures) {}

void Throttle::expire(Failures& failures, Clock::time_point now) const {
    while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
}

bool Throttle::blocked(std::string_view client, Clock::time_point now) {
    if (max_failures_ <= 0) return false;
    std::lock_guard lock(mutex_);
    if (global_max_failures_ > 0) {
        expire(global_, now);
        if (global_.size() >= static_cast<std::size_t>(global_max_failures_)) return true;
    }
    auto it = failures_.find(std::string(client));
    if (it == failures_.end()) return false;
    expire(it->second, now);
    return it->second.size() >= static_cast<std::size_t>(max_failures_);
}

void Throttle::record_failure(std::string_view client, Clock::time_point now) {
    if (max_failures_ <= 0) return;
    std::lock_guard lock(mutex_);
    if (failures_.size() >= kSweepThreshold) sweep(now);
    auto& failures = failures_[std::string(client)];
    expire(failures, now);
    failures.push_back(now);
    // Only the newest max_failures matter for the rule.
    while (failures.size() > static_cast<std::size_t>(max_failures_)) failures.pop_front();
    if (global_max_failures_ <= 0) return;
    expire(global_, now);
    global_.push_back(now);
    while (global_.size() > static_cast<std::size_t>(global_max_failures_)) global_.pop_front();
}

void Throttle::sweep(Clock::time_point now) {
    for (auto it = failures_.begin(); it != failures_.end();) {
        expire(it->second, now);
        it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
}

}  // namespace core
