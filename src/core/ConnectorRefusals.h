#pragma once
// What the connector refused for want of a (correct) password, kept in memory for the admin
// health: counts over the last hour, and the lockout in progress (calls with a wrong password
// after the last accepted one). Per process; thread-safe. Time is passed in (unix ms).
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace core {

struct RefusedCall {
    bool password_sent = false;  // false: no bl_pass at all (scanners, junk)
    bool throttled = false;      // answered rate_limited
    std::string_view client;
    std::int64_t at_ms = 0;
    // When this process saw the connector password change (0 = not seen).
    std::int64_t password_changed_at_ms = 0;
};

struct RefusalReport {
    std::int64_t without_password_last_hour = 0;
    std::int64_t wrong_password_last_hour = 0;
    std::int64_t throttled_last_hour = 0;
    // Calls with a wrong password came after the last accepted call.
    bool locked_out = false;
    std::int64_t since_ms = 0;  // the first of them
    std::int64_t last_refused_ms = 0;
    std::int64_t refused_count = 0;
    std::string last_client;
    bool last_throttled = false;
    // A password change seen before since_ms: the likely cause. 0 = none seen.
    std::int64_t password_changed_at_ms = 0;
};

class ConnectorRefusals {
  public:
    void refused(const RefusedCall& call);
    void accepted(std::int64_t at_ms);
    RefusalReport report(std::int64_t now_ms) const;

  private:
    static constexpr int kMinutes = 60;
    struct Minute {
        std::int64_t minute = -1;
        std::int64_t without_password = 0, wrong_password = 0, throttled = 0;
    };

    mutable std::mutex mutex_;
    std::array<Minute, kMinutes> minutes_{};
    RefusalReport lockout_;  // only the lockout members are used
};

}  // namespace core
