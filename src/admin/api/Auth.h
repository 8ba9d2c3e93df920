#pragma once
// Who may call the admin API. Panel users sign in with POST /session and get a random session
// token in an HttpOnly cookie (the store keeps its SHA-256 only) plus a CSRF token the panel
// echoes in X-CSRF-Token on every change; scripts send "Authorization: Bearer blc_…" instead.
// Wrong logins are throttled per client address and per username; at most kVerifySlots Argon2id
// checks run at once (each holds 64 MiB for a moment), so a burst of sign-ins cannot grow the
// process: a sign-in that finds no slot within kVerifyWait answers 429.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <semaphore>

#include "admin/api/Call.h"
#include "core/Throttle.h"

namespace admin::api {

inline constexpr std::string_view kSessionCookie = "blc_session";
inline constexpr std::ptrdiff_t kVerifySlots = 2;
inline constexpr std::chrono::milliseconds kVerifyWait{2000};

class Auth {
  public:
    Auth(store::Store& store, const ApiOptions& options);

    // POST /session, GET /session, DELETE /session (the cookie session only).
    core::WebResponse login(const core::WebRequest& request, std::int64_t now);
    core::WebResponse current(const core::WebRequest& request, std::int64_t now);
    core::WebResponse logout(const core::WebRequest& request, std::int64_t now);

    // The caller of any other request: a bearer token, else the cookie session, whose
    // state-changing requests must carry the session's CSRF token. Throws ApiError 401 / 403.
    Caller authenticate(const core::WebRequest& request, std::int64_t now);

  private:
    std::optional<store::AdminSession> live_session(const core::WebRequest& request,
                                                    std::int64_t now);
    store::AdminSession require_session(const core::WebRequest& request, std::int64_t now);
    Caller bearer(std::string_view token, std::int64_t now);
    std::optional<store::AdminUser> check_password(const std::string& username,
                                                   const std::string& password);
    void check_throttle(const std::string& ip_key, const std::string& user_key);
    void prune_now_and_then(std::int64_t now);

    store::Store& store_;
    const ApiOptions& options_;
    core::Throttle throttle_;  // keys "ip:<address>" and "user:<lower-cased name>"
    std::counting_semaphore<kVerifySlots> verify_slots_{kVerifySlots};
    std::atomic<std::int64_t> next_prune_{0};
};

}  // namespace admin::api
