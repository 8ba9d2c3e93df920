// Wiring of the running connector: store -> journal writer -> endpoint -> HTTP server, plus the
// small router in front of the endpoint (/healthz, 404s) and the transport's refusal bodies.
#include "app/Service.h"

#include <chrono>
#include <set>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "admin/Panel.h"
#include "admin/api/Api.h"
#include "app/HealthProbe.h"
#include "journal/Writer.h"
#include "protocol/Endpoint.h"
#include "protocol/LiveSettings.h"
#include "wire/JsonWriter.h"

namespace app {
namespace {

constexpr std::size_t kMinPasswordLength = 16;

core::WebResponse json_response(int status, std::string body) {
    core::WebResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

// {"error": "<text>"} for everything that is not the connector.
core::WebResponse simple_error(int status, std::string_view text) {
    std::string body = "{\"error\":";
    wire::append_json_string(body, text);
    body += '}';
    return json_response(status, std::move(body));
}

// The connector speaks the protocol's envelope even when the transport refuses, because
// BaseLinker reads the envelope, not the status.
core::WebResponse connector_refusal(int status, const std::string& reason) {
    std::string_view code = "internal_error";
    std::string text = reason;
    if (status == 413 || status == 431) {
        code = "request_too_large";
    } else if (status == 503) {
        text = "server busy (" + reason + "), try again later";
    } else if (status == 400) {
        code = "invalid_parameter";
    }
    return json_response(status, protocol::error_envelope(code, text));
}

// A password rotated through the admin side replaces the config file's one.
void check_password(const Config& config, const protocol::SettingsSnapshot& settings) {
    if (settings.rotated_password) return;
    if (config.endpoint.password.size() < kMinPasswordLength) {
        throw std::runtime_error(
            "the connector password must be at least 16 characters long (set [connector] "
            "password in the config file or BLCONNECT_PASSWORD); it is the only thing that "
            "protects the shop's data");
    }
}

// The configured statuses must exist in the shop: a typo would otherwise surface only when
// BaseLinker sends an order or an update, as a journal line nobody reads.
void check_statuses(const store::OrderPolicy& orders, store::Store& store) {
    std::set<store::Id> known;
    for (const auto& s : store.lookups().order_statuses()) known.insert(s.id);
    if (!known.count(orders.default_status)) {
        throw std::runtime_error("[orders] default_status " +
                                 std::to_string(orders.default_status) +
                                 " is not an order status of this shop");
    }
    for (const auto& [from, to] : orders.status_map) {
        if (!known.count(to)) {
            throw std::runtime_error("[orders.status_map] \"" + from + "\" = " +
                                     std::to_string(to) + ": not an order status of this shop");
        }
    }
}

// The admin listener shares the connector's when both name the same address and port.
bool admin_shares_listener(const Config& config) {
    return config.admin.port != 0 && config.admin.port == config.server.port &&
           config.admin.listen_address == config.server.listen_address;
}

admin::api::ConnectorControl connector_control(const Config& config, protocol::Endpoint& endpoint) {
    admin::api::ConnectorControl control;
    control.connector_path = config.connector_path;
    control.config_policy = config.endpoint.connector.orders;
    control.settings_changed = [&endpoint] { endpoint.settings().reload(); };
    control.refusals = [&endpoint] { return endpoint.refusals(); };
    control.test_connection = [&endpoint] { return endpoint.test_connection(); };
    return control;
}

}  // namespace

struct Service::Impl {
    // Declaration order is construction order; destruction runs backwards, server first.
    Config config;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<HealthProbe> health;
    std::unique_ptr<journal::Writer> writer;
    std::unique_ptr<protocol::Endpoint> endpoint;
    std::unique_ptr<admin::api::Api> api;
    std::unique_ptr<http::Server> server;
    std::unique_ptr<http::Server> admin_server;  // null when disabled or sharing `server`

    core::WebResponse route(const core::WebRequest& request) {
        // Every method reaches the endpoint: anything but POST is answered with the protocol's
        // no_password envelope (docs/protocol.md §1.3), not with an HTTP-level error.
        if (request.path == config.connector_path) return endpoint->handle(request);
        if (request.path == "/healthz" && request.method == "GET") return healthz();
        if (api && admin_server == nullptr) return route_admin(request);
        return simple_error(404, "not found");
    }

    core::WebResponse route_admin(const core::WebRequest& request) {
        if (request.path.starts_with("/admin/api/")) return api->handle(request);
        if (admin::is_panel_path(request.path)) return admin::serve_panel(request);
        if (request.path == "/healthz" && request.method == "GET") return healthz();
        return simple_error(404, "not found");
    }

    core::WebResponse healthz() {
        return health->response(std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count());
    }

    core::WebResponse refuse(int status, const std::string& reason, const std::string& path) {
        if (path == config.connector_path) {
            if (status == 413) {
                return connector_refusal(status, "request body larger than " +
                                                     std::to_string(config.server.body_limit) +
                                                     " bytes");
            }
            return connector_refusal(status, reason);
        }
        return simple_error(status, reason);
    }
};

Service::Service(Config config) : impl_(std::make_unique<Impl>()) {
    impl_->config = std::move(config);
    auto& c = impl_->config;
    impl_->store = store::open_store(c.database, c.store);
    const bool postgres =
        c.database.starts_with("postgres://") || c.database.starts_with("postgresql://");
    impl_->health = std::make_unique<HealthProbe>(*impl_->store, postgres ? "" : c.database);
    impl_->writer =
        std::make_unique<journal::Writer>(impl_->store->journal(), c.journal_retention_days);
    impl_->endpoint =
        std::make_unique<protocol::Endpoint>(c.endpoint, *impl_->store, impl_->writer.get());
    const auto settings = impl_->endpoint->settings().current();
    check_password(c, *settings);
    check_statuses(settings->connector.orders, *impl_->store);
    if (settings->orders_from_database) {
        spdlog::info("order settings saved in the admin panel override [orders] of the config");
    }
    Impl* impl = impl_.get();
    auto refuse = [impl](int status, const std::string& reason, const std::string& path) {
        return impl->refuse(status, reason, path);
    };
    impl_->server = std::make_unique<http::Server>(
        c.server, [impl](const core::WebRequest& request) { return impl->route(request); }, refuse);
    if (!c.admin.enabled) return;
    impl_->api = std::make_unique<admin::api::Api>(
        *impl_->store, connector_control(c, *impl_->endpoint), c.admin.api);
    if (admin_shares_listener(c)) return;
    http::ServerSettings admin_settings = c.server;
    admin_settings.listen_address = c.admin.listen_address;
    admin_settings.port = c.admin.port;
    impl_->admin_server = std::make_unique<http::Server>(
        admin_settings,
        [impl](const core::WebRequest& request) { return impl->route_admin(request); }, refuse);
}

Service::~Service() {
    if (impl_->admin_server) impl_->admin_server->shutdown();
    if (impl_->server) impl_->server->shutdown();
}

void Service::start() {
    impl_->server->start();
    if (impl_->admin_server) impl_->admin_server->start();
}

std::uint16_t Service::port() const {
    return impl_->server->port();
}

std::uint16_t Service::admin_port() const {
    if (impl_->admin_server) return impl_->admin_server->port();
    return impl_->api ? impl_->server->port() : 0;
}

void Service::run_until_signal() {
    impl_->server->run_until_signal();
    if (impl_->admin_server) impl_->admin_server->shutdown();
}

void Service::shutdown() {
    if (impl_->admin_server) impl_->admin_server->shutdown();
    impl_->server->shutdown();
    impl_->writer->flush();
}

store::Store& Service::store() {
    return *impl_->store;
}

journal::Writer& Service::journal() {
    return *impl_->writer;
}

}  // namespace app
