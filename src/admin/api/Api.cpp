// The admin API's front door: prefix, size limit, /session, authentication, routing, and the
// one place where failures become JSON error bodies.
#include "admin/api/Api.h"

#include <ctime>

#include <spdlog/spdlog.h>

#include "admin/api/Auth.h"
#include "admin/api/HttpError.h"
#include "admin/api/Json.h"
#include "admin/api/Router.h"

namespace admin::api {
namespace {

constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

std::string error_body(const std::string& code, const std::string& message,
                       const std::string& field) {
    std::string body;
    wire::JsonWriter out(body);
    out.begin_object().key("error").begin_object();
    out.key("code").string(code);
    out.key("message").string(message);
    if (!field.empty()) out.key("field").string(field);
    out.end_object().end_object();
    return body;
}

core::WebResponse error_reply(const ApiError& error, const ApiOptions& options) {
    const HttpError http = http_error(error.status.code());
    const std::string code(error.code.empty() ? http.code : error.code);
    auto reply =
        json_reply(http.status, error_body(code, error.status.message(), error.status.field()));
    if (http.status == 401) reply.headers.emplace_back("WWW-Authenticate", "Bearer");
    if (http.status == 429) {
        reply.headers.emplace_back("Retry-After", std::to_string(options.login_window_s));
    }
    return reply;
}

std::string join(const std::vector<std::string>& methods) {
    std::string out;
    for (const auto& m : methods) out += (out.empty() ? "" : ", ") + m;
    return out;
}

// The part of the path after the prefix ("/orders/12"), or nullopt when it is not the API.
std::optional<std::string_view> relative_path(std::string_view path) {
    if (!path.starts_with(kPrefix)) return std::nullopt;
    path.remove_prefix(kPrefix.size());
    if (!path.empty() && path.front() != '/') return std::nullopt;  // "/admin/api/v12"
    return path;
}

wire::Form decode_query(const std::string& query) {
    auto form = wire::decode_urlencoded(query);
    if (!form) {
        throw ApiError(
            core::Status::malformed("malformed query string: " + form.status().message()),
            "invalid_query");
    }
    return std::move(*form);
}

void add_common_headers(core::WebResponse& reply) {
    // Replies carry personal data and session details: never cache them, never sniff them.
    reply.headers.emplace_back("Cache-Control", "no-store");
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
}

}  // namespace

struct Api::Impl {
    store::Store& store;
    ConnectorControl connector;
    ApiOptions options;
    Auth auth;
    Router router;

    Impl(store::Store& s, ConnectorControl c, ApiOptions o)
        : store(s),
          connector(std::move(c)),
          options(std::move(o)),
          auth(s, options),
          router(all_routes()) {}

    core::WebResponse dispatch(const core::WebRequest& request, std::string_view path,
                               std::int64_t now) {
        if (request.body.size() > kMaxBodyBytes)
            throw ApiError({core::Code::TooLarge, {}, "the body is larger than 1 MiB"});
        if (path == "/session") return session(request, now);
        Caller caller = auth.authenticate(request, now);
        auto match = router.match(request.method, path);
        if (match.route == nullptr) return unrouted(match);
        wire::Form query = decode_query(request.query);
        Call call{request, caller, std::move(match.ids), query, store, connector, options, now};
        return match.route->handler(call);
    }

    core::WebResponse session(const core::WebRequest& request, std::int64_t now) {
        if (request.method == "POST") return auth.login(request, now);
        if (request.method == "GET") return auth.current(request, now);
        if (request.method == "DELETE") return auth.logout(request, now);
        return method_not_allowed({"GET", "POST", "DELETE"});
    }

    core::WebResponse unrouted(const RouteMatch& match) {
        if (match.allow.empty()) throw not_found("no such resource");
        return method_not_allowed(match.allow);
    }

    core::WebResponse method_not_allowed(const std::vector<std::string>& allow) {
        auto reply = error_reply(
            ApiError({core::Code::Unsupported, {}, "method not allowed here: use " + join(allow)}),
            options);
        reply.headers.emplace_back("Allow", join(allow));
        return reply;
    }

    core::WebResponse internal_error(const core::WebRequest& request, const char* detail) {
        spdlog::error("admin api: {} {} failed (request {}): {}", request.method, request.path,
                      request.request_id, detail);
        return json_reply(500, error_body("internal_error",
                                          "internal error, request id " + request.request_id, ""));
    }

    core::WebResponse guarded(const core::WebRequest& request, std::string_view path) {
        try {
            return dispatch(request, path, static_cast<std::int64_t>(std::time(nullptr)));
        } catch (const ApiError& e) {
            if (e.status.code() == core::Code::Internal) return internal_error(request, e.what());
            return error_reply(e, options);
        } catch (const std::exception& e) {
            return internal_error(request, e.what());
        } catch (...) {
            return internal_error(request, "unknown exception");
        }
    }
};

Api::Api(store::Store& store, ConnectorControl connector, ApiOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(connector), std::move(options))) {}

Api::~Api() = default;

core::WebResponse Api::handle(const core::WebRequest& request) {
    auto path = relative_path(request.path);
    auto reply = path ? impl_->guarded(request, *path)
                      : error_reply(not_found("no such resource"), impl_->options);
    add_common_headers(reply);
    return reply;
}

}  // namespace admin::api
