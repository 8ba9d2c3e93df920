#include "admin/api/Auth.h"

#include <sodium.h>

#include <array>

#include <spdlog/spdlog.h>

#include "admin/Credentials.h"
#include "admin/Password.h"
#include "admin/Sodium.h"
#include "admin/Token.h"
#include "admin/api/Json.h"
#include "core/Text.h"

namespace admin::api {
namespace {

constexpr const char* kWrongLogin = "wrong username or password";
constexpr std::int64_t kPruneEverySeconds = 3600;

ApiError unauthenticated(const std::string& message) {
    return ApiError({core::Code::Unauthenticated, {}, message});
}
ApiError csrf_failed(const std::string& message) {
    return ApiError({core::Code::Forbidden, {}, message});
}

const std::string* header(const core::WebRequest& request, std::string_view name) {
    for (const auto& [key, value] : request.headers)
        if (key == name) return &value;
    return nullptr;
}

// The value of the session cookie among every Cookie header, or "".
std::string session_cookie(const core::WebRequest& request) {
    for (const auto& [key, value] : request.headers) {
        if (key != "cookie") continue;
        for (auto part : core::split_list(value, ';')) {
            auto eq = part.find('=');
            if (eq != std::string_view::npos && core::trim(part.substr(0, eq)) == kSessionCookie)
                return std::string(core::trim(part.substr(eq + 1)));
        }
    }
    return {};
}

// 32 random bytes as unpadded base64url: 256 bits, safe to store as a plain SHA-256.
std::string random_token() {
    ensure_sodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::array<char, sodium_base64_ENCODED_LEN(32, variant)> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), variant);
    return text.data();
}

bool equal_secrets(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool changes_state(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

// "host:443" and "host" are one authority for https (and :80 for http).
std::string authority(std::string_view text, std::string_view scheme) {
    std::string lower = core::ascii_lower(text);
    std::string_view port = scheme == "https" ? ":443" : ":80";
    if (lower.ends_with(port)) lower.resize(lower.size() - port.size());
    return lower;
}

// A browser sends Origin on cross-site POSTs; a login form posted from another site must not
// sign the victim in (login CSRF). No Origin: not a browser's cross-site request.
bool same_origin(const core::WebRequest& request) {
    const auto* origin = header(request, "origin");
    if (origin == nullptr) return true;
    const auto* host = header(request, "host");
    auto sep = origin->find("://");
    if (host == nullptr || sep == std::string::npos) return false;
    std::string scheme = core::ascii_lower(origin->substr(0, sep));
    return authority(std::string_view(*origin).substr(sep + 3), scheme) == authority(*host, scheme);
}

// The dummy hash an unknown username is checked against, so that it costs one Argon2id
// verification like a known one and the timing does not tell which usernames exist.
const std::string& dummy_hash() {
    static const std::string hash = hash_password("not-a-password-of-anybody-at-all");
    return hash;
}

std::string session_json(const std::string& user, const std::string& csrf, std::int64_t expires_at,
                         const std::string& language) {
    std::string body;
    wire::JsonWriter out(body);
    out.begin_object();
    out.key("user").string(user);
    out.key("csrf_token").string(csrf);
    out.key("expires_at").integer(expires_at);
    out.key("language").string(language);
    out.end_object();
    return body;
}

std::string cookie(const std::string& value, std::int64_t max_age) {
    return std::string(kSessionCookie) + "=" + value +
           "; Path=/admin; HttpOnly; Secure; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

}  // namespace

Auth::Auth(store::Store& store, const ApiOptions& options)
    : store_(store),
      options_(options),
      throttle_(options.login_failures, std::chrono::seconds(options.login_window_s)) {
    dummy_hash();  // computed now, so the first unknown username costs no more than later ones
}

core::WebResponse Auth::login(const core::WebRequest& request, std::int64_t now) {
    if (!same_origin(request)) throw csrf_failed("cross-site sign-in refused");
    Body body(request.body, {"username", "password"});
    std::string username = body.string("username");
    std::string password = body.string("password");
    std::string ip_key = "ip:" + request.client_ip;
    std::string user_key = "user:" + core::ascii_lower(username);
    check_throttle(ip_key, user_key);
    // One of the few Argon2id slots, held until the failure is recorded: the throttle is then
    // checked again, so parallel wrong sign-ins stop at the limit (plus at most the slots).
    if (!verify_slots_.try_acquire_for(kVerifyWait))
        throw ApiError({core::Code::RateLimited, {}, "too many sign-ins at once, try again"});
    struct Release {
        std::counting_semaphore<kVerifySlots>& slots;
        ~Release() { slots.release(); }
    } release{verify_slots_};
    check_throttle(ip_key, user_key);
    auto user = check_password(username, password);
    if (!user) {
        throttle_.record_failure(ip_key, core::Throttle::Clock::now());
        throttle_.record_failure(user_key, core::Throttle::Clock::now());
        spdlog::warn("admin api: failed sign-in from {}", request.client_ip);
        throw unauthenticated(kWrongLogin);
    }
    std::string token = random_token(), csrf = random_token();
    std::int64_t lifetime = options_.session_hours * 3600;
    store_.admins().create_session(user->id, token_hash(token), csrf, now, now + lifetime);
    prune_now_and_then(now);
    spdlog::info("admin api: {} signed in from {}", user->username, request.client_ip);
    auto reply =
        json_reply(200, session_json(user->username, csrf, now + lifetime, options_.language));
    reply.headers.emplace_back("Set-Cookie", cookie(token, lifetime));
    return reply;
}

core::WebResponse Auth::current(const core::WebRequest& request, std::int64_t now) {
    auto session = require_session(request, now);
    return json_reply(200, session_json(session.username, session.csrf_token, session.expires_at,
                                        options_.language));
}

core::WebResponse Auth::logout(const core::WebRequest& request, std::int64_t now) {
    auto session = require_session(request, now);
    auto* csrf = header(request, "x-csrf-token");
    if (csrf == nullptr || !equal_secrets(*csrf, session.csrf_token))
        throw csrf_failed("missing or wrong X-CSRF-Token");
    store_.admins().delete_session(token_hash(session_cookie(request)));
    auto reply = no_content();
    reply.headers.emplace_back("Set-Cookie", cookie("", 0));
    return reply;
}

Caller Auth::authenticate(const core::WebRequest& request, std::int64_t now) {
    if (const auto* authorization = header(request, "authorization")) {
        std::string_view value = core::trim(*authorization);
        if (value.size() < 7 || core::ascii_lower(value.substr(0, 7)) != "bearer ")
            throw unauthenticated("expected Authorization: Bearer <token>");
        return bearer(core::trim(value.substr(7)), now);
    }
    auto session = require_session(request, now);
    if (changes_state(request.method)) {
        auto* csrf = header(request, "x-csrf-token");
        if (csrf == nullptr || !equal_secrets(*csrf, session.csrf_token))
            throw csrf_failed("missing or wrong X-CSRF-Token");
    }
    return Caller{session.user_id, session.username, false};
}

// The cookie's session when it is known, unexpired, not idle too long and its user enabled;
// a session found dead is deleted. A live one is touched (idle timeout counts from here).
std::optional<store::AdminSession> Auth::live_session(const core::WebRequest& request,
                                                      std::int64_t now) {
    std::string token = session_cookie(request);
    if (token.empty()) return std::nullopt;
    std::string hash = token_hash(token);
    auto session = store_.admins().find_session(hash, now);
    if (!session) return std::nullopt;
    bool idle = options_.session_idle_minutes > 0 &&
                now - session->last_seen_at >= options_.session_idle_minutes * 60;
    if (idle || session->user_disabled) {
        store_.admins().delete_session(hash);
        return std::nullopt;
    }
    if (now > session->last_seen_at) store_.admins().touch_session(session->id, now);
    return session;
}

store::AdminSession Auth::require_session(const core::WebRequest& request, std::int64_t now) {
    auto session = live_session(request, now);
    if (!session) throw unauthenticated("not signed in, or the session has expired");
    return *session;
}

Caller Auth::bearer(std::string_view token, std::int64_t now) {
    auto found = token.empty() ? std::nullopt : store_.admins().find_token(token_hash(token));
    if (!found || found->revoked || found->user_disabled)
        throw unauthenticated("unknown or revoked API token");
    store_.admins().touch_token(found->id, now);
    return Caller{found->user_id, found->username, true};
}

// The user when the password is right and the user enabled. Always one Argon2id verification,
// whether the user exists or not.
std::optional<store::AdminUser> Auth::check_password(const std::string& username,
                                                     const std::string& password) {
    std::optional<store::AdminUser> user;
    if (valid_username(username)) user = store_.admins().find_user(username);
    if (!user) {
        verify_password(password, dummy_hash());
        return std::nullopt;
    }
    if (!verify_password(password, user->password_hash) || user->disabled) return std::nullopt;
    return user;
}

void Auth::check_throttle(const std::string& ip_key, const std::string& user_key) {
    auto now = core::Throttle::Clock::now();
    if (throttle_.blocked(ip_key, now) || throttle_.blocked(user_key, now))
        throw ApiError({core::Code::RateLimited, {}, "too many failed sign-ins, try again later"});
}

void Auth::prune_now_and_then(std::int64_t now) {
    std::int64_t due = next_prune_.load();
    if (now < due || !next_prune_.compare_exchange_strong(due, now + kPruneEverySeconds)) return;
    std::int64_t pruned = store_.admins().prune_sessions(now);
    if (pruned > 0) spdlog::info("admin api: pruned {} expired sessions", pruned);
}

}  // namespace admin::api
