// Wiring of the running connector: store -> journal writer -> endpoint -> HTTP server, plus the
// small router in front of the endpoint (/healthz, 404s) and the transport's refusal bodies.
#include "app/Service.h"

#include <set>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "journal/Writer.h"
#include "protocol/Endpoint.h"
#include "protocol/JsonWriter.h"

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
    protocol::append_json_string(body, text);
    body += '}';
    return json_response(status, std::move(body));
}

core::WebResponse health(store::Store& store) {
    try {
        store.schema_version();
        return json_response(200, R"({"status":"ok","database":"ok"})");
    } catch (const std::exception& e) {
        spdlog::error("health check: database unavailable: {}", e.what());
        return json_response(503, R"({"status":"error","database":"down"})");
    }
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

void check_config(const Config& config) {
    if (config.endpoint.password.size() < kMinPasswordLength) {
        throw std::runtime_error(
            "the connector password must be at least 16 characters long (set [connector] "
            "password in the config file or BLCONNECT_PASSWORD); it is the only thing that "
            "protects the shop's data");
    }
}

// The configured statuses must exist in the shop: a typo would otherwise surface only when
// BaseLinker sends an order or an update, as a journal line nobody reads.
void check_statuses(const protocol::OrderSettings& orders, store::Store& store) {
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

}  // namespace

struct Service::Impl {
    // Declaration order is construction order; destruction runs backwards, server first.
    Config config;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<journal::Writer> writer;
    std::unique_ptr<protocol::Endpoint> endpoint;
    std::unique_ptr<http::Server> server;

    core::WebResponse route(const core::WebRequest& request) {
        // Every method reaches the endpoint: anything but POST is answered with the protocol's
        // no_password envelope (protocol.md 1.1), not with an HTTP-level error.
        if (request.path == config.connector_path) return endpoint->handle(request);
        if (request.path == "/healthz" && request.method == "GET") return health(*store);
        return simple_error(404, "not found");
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
    check_config(config);
    impl_->config = std::move(config);
    auto& c = impl_->config;
    impl_->store = store::open_store(c.database, c.store);
    check_statuses(c.endpoint.connector.orders, *impl_->store);
    impl_->writer =
        std::make_unique<journal::Writer>(impl_->store->journal(), c.journal_retention_days);
    impl_->endpoint =
        std::make_unique<protocol::Endpoint>(c.endpoint, *impl_->store, impl_->writer.get());
    Impl* impl = impl_.get();
    impl_->server = std::make_unique<http::Server>(
        c.server, [impl](const core::WebRequest& request) { return impl->route(request); },
        [impl](int status, const std::string& reason, const std::string& path) {
            return impl->refuse(status, reason, path);
        });
}

Service::~Service() {
    if (impl_->server) impl_->server->shutdown();
}

void Service::start() {
    impl_->server->start();
}

std::uint16_t Service::port() const {
    return impl_->server->port();
}

void Service::run_until_signal() {
    impl_->server->run_until_signal();
}

void Service::shutdown() {
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
