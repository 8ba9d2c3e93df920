#pragma once
// What one admin API handler sees and how it answers. The router (Router.cpp) authenticates the
// caller, checks CSRF, matches the route, parses the path ids, and turns an ApiError thrown by a
// handler into the JSON error body (HttpError.h maps its Status). Handlers never see cookies or
// tokens.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/ConnectorRefusals.h"
#include "core/Exchange.h"
#include "core/Status.h"
#include "store/Store.h"
#include "wire/Form.h"

namespace admin::api {

// A client error on its way to the router, which answers {"error":{"code":…,"message":…,
// "field":…}} with the HTTP status http_error() gives its Status. Thrown by handlers and helpers
// (a handler is several calls deep when it finds a bad field, and nothing has been written yet),
// caught by the router: it never leaves the admin API.
struct ApiError : std::exception {
    // `code` replaces the JSON code http_error() would give: only for a failure the admin API
    // names more precisely than the vocabulary does (a malformed query string: invalid_query).
    explicit ApiError(core::Status s, std::string_view code = {})
        : status(std::move(s)), code(code) {}
    const char* what() const noexcept override { return status.message().c_str(); }
    core::Status status;
    std::string_view code;
};

// 422 invalid_field naming `field`.
inline ApiError invalid_field(std::string field, std::string message) {
    return ApiError(core::Status::invalid_field(std::move(field), std::move(message)));
}
inline ApiError not_found(std::string message) {
    return ApiError(core::Status::not_found(std::move(message)));
}

// The value of a Result, or the Result's Status thrown to the router.
template <class T>
T value_or_throw(core::Result<T> result) {
    if (!result) throw ApiError(result.status());
    return std::move(*result);
}

// Who is calling: a signed-in panel user or an API token's user.
struct Caller {
    store::Id user_id = 0;
    std::string username;
    bool via_token = false;
    std::string actor() const { return "admin:" + username; }  // for order history
};

// The connector settings the admin side shows and changes. The app fills it; admin/ does not
// depend on the protocol layer.
struct ConnectorControl {
    std::string connector_path = "/baselinker";
    store::OrderPolicy config_policy;  // [orders] from the config file
    // Called after settings were saved, so this process applies them at once (other processes
    // pick them up on their periodic refresh).
    std::function<void()> settings_changed;
    // What the connector refused for want of a correct password (null: nothing known).
    std::function<core::RefusalReport()> refusals;
    // FileVersion run by the connector's own handler (null: not available).
    std::function<core::WebResponse()> test_connection;
};

struct ApiOptions {
    std::int64_t session_hours = 12;  // absolute lifetime of a panel session
    std::int64_t session_idle_minutes = 120;
    int login_failures = 5;       // wrong logins per address or per username within the window...
    int login_window_s = 300;     // ...before 429 for the rest of the window
    std::string language = "pl";  // default panel language: "pl" or "en"
    std::int64_t poll_warning_minutes = 60;  // health warning when OrdersGet is older than this
    std::size_t max_page = 200;              // largest `limit` of any list
};

struct Call {
    const core::WebRequest& request;
    const Caller& caller;
    std::vector<std::int64_t> ids;  // the {id} parts of the route, in order
    const wire::Form& query;        // decoded query string
    store::Store& store;
    const ConnectorControl& connector;
    const ApiOptions& options;
    std::int64_t now = 0;  // unix seconds UTC
};

using HandlerFn = core::WebResponse (*)(Call& call);

struct Route {
    const char* method;   // "GET", "POST", "PUT", "DELETE"
    const char* pattern;  // relative to /admin/api/v1, e.g. "/orders/{id}/status"
    HandlerFn handler;
};

// Each resource file lists its routes (Router.cpp joins them).
std::vector<Route> product_routes();      // Products.cpp: /products, /categories, /manufacturers
std::vector<Route> order_routes();        // Orders.cpp: /orders...
std::vector<Route> lookup_routes();       // Lookups.cpp: /order-statuses, /delivery-methods...
std::vector<Route> settings_routes();     // Settings.cpp: /settings...
std::vector<Route> journal_routes();      // JournalRoutes.cpp: /journal...
std::vector<Route> health_routes();       // Health.cpp: /health
std::vector<Route> held_change_routes();  // HeldChanges.cpp: /held-changes...

}  // namespace admin::api
