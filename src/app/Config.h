#pragma once
// blconnect.toml, with BLCONNECT_* environment overrides. See docs/configuration.md.
#include <string>

#include "http/Server.h"
#include "protocol/Endpoint.h"
#include "store/Store.h"

namespace app {

struct Config {
    std::string database = "blconnect.db";  // [database] path; env BLCONNECT_DATABASE
    store::StoreOptions store;
    http::ServerSettings server;  // [server]
    std::string connector_path = "/baselinker";
    protocol::EndpointSettings endpoint;  // [connector]; password env BLCONNECT_PASSWORD
    int journal_retention_days = 30;      // [journal] retention_days
    std::string log_level = "info";       // [log] level
};

// Reads `path` (may be empty: defaults only) and applies the environment. Throws
// std::runtime_error with a message naming the key on a bad value.
Config load_config(const std::string& path);

}  // namespace app
