#pragma once
// blconnect.toml, with BLCONNECT_* environment overrides. See docs/configuration.md.
#include <string>

#include "admin/api/Call.h"
#include "http/Server.h"
#include "protocol/Endpoint.h"
#include "store/Store.h"

namespace app {

// [admin]: the admin API and web panel. By default on their own listener on loopback, so the
// connector can face the internet while the panel does not.
struct AdminConfig {
    bool enabled = true;
    std::string listen_address = "127.0.0.1";  // env BLCONNECT_ADMIN_LISTEN
    // env BLCONNECT_ADMIN_PORT. The connector's address and port = one listener for both.
    std::uint16_t port = 8081;
    admin::api::ApiOptions api;
};

struct Config {
    std::string database = "blconnect.db";  // [database] path; env BLCONNECT_DATABASE
    store::StoreOptions store;
    http::ServerSettings server;  // [server]
    std::string connector_path = "/baselinker";
    protocol::EndpointSettings endpoint;  // [connector]; password env BLCONNECT_PASSWORD
    AdminConfig admin;                    // [admin]
    int journal_retention_days = 30;      // [journal] retention_days
    std::string log_level = "info";       // [log] level
};

// Reads `path` (may be empty: defaults only) and applies the environment. Throws
// std::runtime_error with a message naming the key on a bad value.
Config load_config(const std::string& path);

}  // namespace app
