// The connector endpoint: the order of checks of docs/protocol.md §1.3, the envelope of §1.4, one
// log line and one journal entry per request.
#include "protocol/Endpoint.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>

#include "core/ConnectorRefusals.h"
#include "core/IpAllowList.h"
#include "core/Text.h"
#include "core/Throttle.h"
#include "journal/Writer.h"
#include "protocol/ErrorEnvelope.h"
#include "protocol/LiveSettings.h"
#include "protocol/Registry.h"
#include "wire/Form.h"

namespace protocol {
namespace {

using Digest = std::array<unsigned char, 32>;

// What one request produced, before it becomes a response, a log line and a journal entry.
struct Reply {
    int status = 200;
    std::string body;
    std::string outcome = "ok";  // or the error code
    std::string action;          // canonical name, or what was sent
    std::string detail;          // journal detail
    bool journal = true;         // false: counted only (ConnectorRefusals)
};

Reply error_reply(int status, std::string_view code, std::string_view text) {
    Reply reply;
    reply.status = status;
    reply.body = error_envelope(code, text);
    reply.outcome = std::string(code);
    return reply;
}

Reply error_reply(const core::Status& status) {
    const WireError wire = wire_error(status.code());
    return error_reply(wire.http_status, wire.code, status.text());
}

// Action names come from the client: keep logs and the journal to short printable ASCII.
std::string printable(std::string_view text) {
    constexpr std::size_t kMax = 64;
    std::string result;
    for (char c : text.substr(0, kMax)) result += (c >= 0x20 && c < 0x7f) ? c : '?';
    return result;
}

// The lexicographically first field whose name or value is not UTF-8 (deterministic choice).
std::optional<std::string> first_invalid_utf8(const wire::Form& form) {
    std::optional<std::string> bad;
    for (const auto& [name, value] : form.fields) {
        if (core::is_valid_utf8(name) && core::is_valid_utf8(value)) continue;
        if (!bad || name < *bad) bad = name;
    }
    return bad;
}

// Belt and braces: a client may put the password into any field (even `action`); nothing we keep
// may contain it.
std::string redact(std::string text, const std::string& password) {
    if (password.empty()) return text;
    for (auto at = text.find(password); at != std::string::npos; at = text.find(password, at)) {
        text.replace(at, password.size(), "***");
    }
    return text;
}

std::int64_t unix_ms_now() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

struct Endpoint::Impl {
    Impl(EndpointSettings s, store::Store& st, journal::Writer* j)
        : settings(std::move(s)),
          store(st),
          journal(j),
          live(settings.connector, st.settings()),
          allow(settings.allow_ips),
          throttle(settings.throttle_failures, std::chrono::seconds(settings.throttle_window_s),
                   settings.throttle_global_failures) {
        if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
            throw std::runtime_error("cannot get random bytes for the password check");
        }
        password_digest = digest(settings.password);
    }

    // Digests of equal length compare in constant time whatever the lengths of the passwords.
    Digest digest(std::string_view text) const {
        Digest out{};
        unsigned int length = 0;
        HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(text.data()), text.size(), out.data(), &length);
        return out;
    }

    // A password rotated through the admin side is known by its SHA-256 only; otherwise the
    // config file's password is compared through the keyed digest.
    bool password_matches(std::string_view sent, const SettingsSnapshot& now) const {
        if (sent.empty()) return false;
        if (now.rotated_password) {
            Sha256 sent_sha{};
            SHA256(reinterpret_cast<const unsigned char*>(sent.data()), sent.size(),
                   sent_sha.data());
            return CRYPTO_memcmp(sent_sha.data(), now.rotated_password->data(), sent_sha.size()) ==
                   0;
        }
        const Digest sent_digest = digest(sent);
        return CRYPTO_memcmp(sent_digest.data(), password_digest.data(), sent_digest.size()) == 0;
    }

    std::string next_request_id() { return "ep-" + std::to_string(++request_counter); }

    Reply process(const core::WebRequest& request, const std::string& request_id);
    Reply refused(const core::WebRequest& request, Reply reply, bool password_sent,
                  std::int64_t password_changed_at_ms);
    Reply authorised(const wire::Form& form, const std::string& request_id,
                     const SettingsSnapshot& snapshot);
    Reply run_action(const ActionInfo& action, const wire::Form& form,
                     const std::string& request_id, const SettingsSnapshot& now);
    void finish(const core::WebRequest& request, const std::string& request_id, const Reply& reply,
                std::chrono::steady_clock::time_point started);

    EndpointSettings settings;
    store::Store& store;
    journal::Writer* journal;
    LiveSettings live;
    core::IpAllowList allow;
    core::Throttle throttle;
    core::ConnectorRefusals refusals;
    Digest key{};
    Digest password_digest{};
    std::atomic<std::uint64_t> request_counter{0};
};

Reply Endpoint::Impl::process(const core::WebRequest& request, const std::string& request_id) {
    if (!allow.allows(request.client_ip)) {
        return error_reply({core::Code::Forbidden, {}, "client address not allowed"});
    }
    // A missing password has its own wire code (the protocol tells it from a wrong one), and
    // only the endpoint ever answers it: no Status code for it.
    if (request.method != "POST") {
        return refused(request, error_reply(200, "no_password", "no password given"), false, 0);
    }
    auto form =
        wire::decode_form(request.body, request.content_type, wire::BadEscape::KeepLiterally);
    if (!form) {
        return refused(
            request, error_reply(core::Status::malformed(form.status().message(), "request body")),
            false, 0);
    }
    // The password first: a correct one is never throttled, whatever others sent.
    const std::string* password = form->find("bl_pass");
    const auto snapshot = live.current();
    if (password == nullptr) {
        return refused(request, error_reply(200, "no_password", "no password given"), false, 0);
    }
    if (!password_matches(*password, *snapshot)) {
        Reply reply =
            refused(request, error_reply({core::Code::Unauthenticated, {}, "incorrect password"}),
                    true, snapshot->password_changed_at_ms);
        // Staff see which action was refused; a name we do not know is not kept.
        const std::string* name = form->find("action");
        const ActionInfo* action = name ? find_action(*name) : nullptr;
        reply.action = action ? action->name : "?";
        return reply;
    }
    refusals.accepted(unix_ms_now());
    Reply reply = authorised(*form, request_id, *snapshot);
    if (reply.action.empty()) {
        const std::string* sent = form->find("action");
        reply.action = printable(redact(sent ? *sent : "", settings.password));
    }
    return reply;
}

// A call without a correct password: throttled per address (and under the global ceiling),
// counted for the admin health, and journaled only when it carried a wrong password and was not
// throttled (junk and floods leave no rows). Addresses named in allow_ips are never throttled.
Reply Endpoint::Impl::refused(const core::WebRequest& request, Reply reply, bool password_sent,
                              std::int64_t password_changed_at_ms) {
    const auto now = core::Throttle::Clock::now();
    const bool exempt = allow.lists(request.client_ip);
    const bool throttled = !exempt && throttle.blocked(request.client_ip, now);
    if (throttled) {
        reply =
            error_reply({core::Code::RateLimited, {}, "too many failed calls, try again later"});
    } else if (!exempt) {
        throttle.record_failure(request.client_ip, now);
    }
    refusals.refused(
        {password_sent, throttled, request.client_ip, unix_ms_now(), password_changed_at_ms});
    reply.journal = password_sent && !throttled;
    return reply;
}

Reply Endpoint::Impl::authorised(const wire::Form& form, const std::string& request_id,
                                 const SettingsSnapshot& snapshot) {
    // After the password: only an authorised client learns which field was rejected.
    if (auto field = first_invalid_utf8(form)) {
        return error_reply(core::Status::invalid_field(*field, "not valid UTF-8"));
    }
    const std::string* name = form.find("action");
    const ActionInfo* action = name ? find_action(*name) : nullptr;
    if (action == nullptr) {
        return error_reply({core::Code::Unsupported, {}, "No action: " + (name ? *name : "")});
    }
    return run_action(*action, form, request_id, snapshot);
}

Reply Endpoint::Impl::run_action(const ActionInfo& action, const wire::Form& form,
                                 const std::string& request_id, const SettingsSnapshot& now) {
    const Params params(form);
    ActionContext ctx{store, now.connector, {}, unix_ms_now() / 1000};
    Reply reply;
    JsonWriter out(reply.body);
    std::string failure;
    try {
        const core::Status status = action.run(params, ctx, out);
        if (status.code() != core::Code::Internal) {
            if (!status.ok()) reply = error_reply(status);
            reply.detail = std::move(ctx.journal_detail);
            reply.action = action.name;
            return reply;
        }
        failure = status.message();  // a bug the action noticed: answered like a throw
    } catch (const store::StoreError& e) {
        failure = std::string("store: ") + e.what();
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "unknown exception";
    }
    // The detail (possibly SQL) goes to the log only; the client gets the request id to quote.
    spdlog::error("request={} action={} internal error: {}", request_id, action.name, failure);
    reply = error_reply(core::Status::internal("internal error (request " + request_id + ")"));
    reply.action = action.name;
    return reply;
}

void Endpoint::Impl::finish(const core::WebRequest& request, const std::string& request_id,
                            const Reply& reply, std::chrono::steady_clock::time_point started) {
    using namespace std::chrono;
    const auto duration_us = duration_cast<microseconds>(steady_clock::now() - started).count();
    const auto client = printable(request.client_ip);
    const auto action = redact(reply.action, settings.password);
    spdlog::info("connector request={} client={} action={} outcome={} status={} us={} bytes={}",
                 request_id, client, action, reply.outcome, reply.status, duration_us,
                 reply.body.size());
    if (journal == nullptr || !reply.journal) return;
    store::JournalEntry entry;
    entry.at_ms = unix_ms_now();
    entry.request_id = request_id;
    entry.client = client;
    entry.action = action;
    entry.duration_us = duration_us;
    entry.http_status = reply.status;
    entry.outcome = reply.outcome;
    entry.response_bytes = static_cast<std::int64_t>(reply.body.size());
    entry.detail = redact(reply.detail, settings.password);
    journal->record(std::move(entry));
}

Endpoint::Endpoint(EndpointSettings settings, store::Store& store, journal::Writer* journal)
    : impl_(std::make_unique<Impl>(std::move(settings), store, journal)) {}

Endpoint::~Endpoint() = default;

LiveSettings& Endpoint::settings() {
    return impl_->live;
}

core::RefusalReport Endpoint::refusals() const {
    return impl_->refusals.report(unix_ms_now());
}

core::WebResponse Endpoint::test_connection() {
    const auto snapshot = impl_->live.current();
    const ActionInfo* action = find_action("FileVersion");
    Reply reply = impl_->run_action(*action, wire::Form{}, impl_->next_request_id(), *snapshot);
    core::WebResponse response;
    response.status = reply.status;
    response.body = std::move(reply.body);
    return response;
}

core::WebResponse Endpoint::handle(const core::WebRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    const std::string request_id =
        request.request_id.empty() ? impl_->next_request_id() : request.request_id;
    Reply reply = impl_->process(request, request_id);
    impl_->finish(request, request_id, reply, started);
    core::WebResponse response;
    response.status = reply.status;
    response.body = std::move(reply.body);
    if (reply.status == 429) {
        response.headers.emplace_back("retry-after",
                                      std::to_string(impl_->settings.throttle_window_s));
    }
    return response;
}

}  // namespace protocol
