#pragma once
// Failure throttling per key (a client address, a username): after `max_failures` failures
// within `window`, the key is refused until its oldest counted failure leaves the window. With a
// global ceiling, `global_max_failures` failures from all keys together within the window refuse
// every key (a guess spread over many addresses is slowed too). Callers decide what a failure
// is; the connector counts only failing calls, so a correct password is never refused.
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

    // max_failures <= 0 switches throttling off; global_max_failures <= 0 the global ceiling.
    Throttle(int max_failures, std::chrono::seconds window, int global_max_failures = 0);
    bool blocked(std::string_view client, Clock::time_point now);
    void record_failure(std::string_view client, Clock::time_point now);

  private:
    using Failures = std::deque<Clock::time_point>;
    void expire(Failures& failures, Clock::time_point now) const;
    void sweep(Clock::time_point now);

    int max_failures_;
    Clock::duration window_;
    int global_max_failures_;
    Failures global_;
    std::mutex mutex_;
    std::unordered_map<std::string, Failures> failures_;
};

}  // namespace core
