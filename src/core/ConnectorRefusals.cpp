// Per-minute counters in a ring of 60, and the lockout since the last accepted call.
#include "core/ConnectorRefusals.h"

namespace core {
namespace {

constexpr std::int64_t kMinuteMs = 60 * 1000;

}  // namespace

void ConnectorRefusals::refused(const RefusedCall& call) {
    const std::int64_t minute = call.at_ms / kMinuteMs;
    std::lock_guard lock(mutex_);
    Minute& slot = minutes_[static_cast<std::size_t>(minute % kMinutes)];
    if (slot.minute != minute) slot = Minute{minute};
    if (call.throttled) ++slot.throttled;
    if (!call.password_sent) {
        ++slot.without_password;
        return;  // junk, not BaseLinker locked out
    }
    ++slot.wrong_password;
    if (!lockout_.locked_out) {
        lockout_ = RefusalReport{};
        lockout_.locked_out = true;
        lockout_.since_ms = call.at_ms;
        lockout_.password_changed_at_ms = call.password_changed_at_ms;
    }
    ++lockout_.refused_count;
    lockout_.last_refused_ms = call.at_ms;
    lockout_.last_client = std::string(call.client);
    lockout_.last_throttled = call.throttled;
}

void ConnectorRefusals::accepted(std::int64_t) {
    std::lock_guard lock(mutex_);
    if (lockout_.locked_out) lockout_ = RefusalReport{};
}

RefusalReport ConnectorRefusals::report(std::int64_t now_ms) const {
    const std::int64_t now_minute = now_ms / kMinuteMs;
    std::lock_guard lock(mutex_);
    RefusalReport out = lockout_;
    for (const auto& slot : minutes_) {
        if (slot.minute < 0 || now_minute - slot.minute >= kMinutes) continue;
        out.without_password_last_hour += slot.without_password;
        out.wrong_password_last_hour += slot.wrong_password;
        out.throttled_last_hour += slot.throttled;
    }
    return out;
}

}  // namespace core
