#pragma once
// Wrong-password throttling per client address: after `max_failures` wrong passwords within
// `window`, the address is refused until its oldest counted failure leaves the window.
// Thread-safe. Time is passed in, so the rule can be tested without waiting.
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace core {

class Throttle {
  public:
    using Clock = std::chrono::steady_clock;

    // max_failures <= 0 switches throttling off.
    Throttle(int max_failures, std::chrono::seconds window);
    bool blocked(std::string_view client, Clock::time_point now);
    void record_failure(std::string_view client, Clock::time_point now);

  private:
    using Failures = std::deque<Clock::time_point>;
    void expire(Failures& failures, Clock::time_point now) const;
    void sweep(Clock::time_point now);

    int max_failures_;
    Clock::duration window_;
    std::mutex mutex_;
    std::unordered_map<std::string, Failures> failures_;
};

}  // namespace core
