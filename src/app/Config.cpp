// blconnect.toml -> app::Config. Every key is known by name: an unknown key or a bad value is an
// error naming it, so a typo never silently leaves a default in place.
#include "app/Config.h"

#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>

#include <toml++/toml.h>

#include "core/IpAllowList.h"
#include "store/PolicyText.h"

namespace app {
namespace {

class KeyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void bad(const std::string& what) {
    throw KeyError(what);
}

std::string as_string(const toml::node& node) {
    if (!node.is_string()) bad("expected a string");
    return *node.value<std::string>();
}

bool as_bool(const toml::node& node) {
    if (!node.is_boolean()) bad("expected true or false");
    return *node.value<bool>();
}

std::int64_t as_int(const toml::node& node, std::int64_t min, std::int64_t max) {
    if (!node.is_integer()) bad("expected an integer");
    auto value = *node.value<std::int64_t>();
    if (value < min || value > max) {
        bad("must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return value;
}

std::vector<std::string> as_string_array(const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr) bad("expected an array of strings");
    std::vector<std::string> out;
    for (const auto& element : *array) out.push_back(as_string(element));
    return out;
}

std::chrono::milliseconds as_ms(const toml::node& node) {
    return std::chrono::milliseconds(as_int(node, 1, 24 * 3600 * 1000));
}

constexpr std::int64_t kIntMax = std::numeric_limits<int>::max();

std::string as_path(const toml::node& node) {
    auto path = as_string(node);
    if (path.empty() || path[0] != '/') bad("must start with '/'");
    return path;
}

std::string as_currency(const toml::node& node) {
    auto code = as_string(node);
    bool ok = code.size() == 3;
    for (char c : code) ok = ok && c >= 'A' && c <= 'Z';
    if (!ok) bad("expected a 3-letter ISO-4217 code such as \"PLN\"");
    return code;
}

std::string as_log_level(const toml::node& node) {
    auto level = as_string(node);
    for (const char* known : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
        if (level == known) return level;
    }
    bad("expected trace, debug, info, warn, error, critical or off");
}

store::UnknownProducts as_unknown_products(const toml::node& node) {
    if (auto policy = store::unknown_products_from(as_string(node))) return *policy;
    bad("expected \"hold\", \"keep\" or \"reject\"");
}

store::CategoryMatch as_category_filter(const toml::node& node) {
    auto match = as_string(node);
    if (match == "exact") return store::CategoryMatch::Listed;
    if (match == "subtree") return store::CategoryMatch::Subtree;
    bad("expected \"exact\" or \"subtree\"");
}

// Any subset of the three OrderUpdate types; an unknown name is a typo, not "accept nothing".
void set_accept_updates(protocol::OrderSettings& orders, const toml::node& node) {
    orders.accept_status = orders.accept_delivery_number = orders.accept_paid = false;
    for (const auto& name : as_string_array(node)) {
        if (name == "status") {
            orders.accept_status = true;
        } else if (name == "delivery_number") {
            orders.accept_delivery_number = true;
        } else if (name == "paid") {
            orders.accept_paid = true;
        } else {
            bad("unknown update type \"" + name + "\" (expected status, delivery_number, paid)");
        }
    }
}

// The panel's default language: the two it has labels for.
std::string as_language(const toml::node& node) {
    auto text = as_string(node);
    if (text != "pl" && text != "en") bad("expected \"pl\" or \"en\"");
    return text;
}

// "<BaseLinker status>" = <shop status id>
std::map<std::string, store::Id> as_status_map(const toml::node& node) {
    const auto* table = node.as_table();
    if (table == nullptr) bad("expected a table of \"<BaseLinker status>\" = <shop status id>");
    std::map<std::string, store::Id> map;
    for (auto&& [key, value] : *table) {
        try {
            map[std::string(key.str())] =
                as_int(value, 1, std::numeric_limits<std::int64_t>::max());
        } catch (const KeyError& e) {
            bad("\"" + std::string(key.str()) + "\": " + e.what());
        }
    }
    return map;
}

using Setter = std::function<void(Config&, const toml::node&)>;

struct Key {
    std::string_view section, name;
    Setter set;
};

const std::vector<Key>& keys() {
    static const std::vector<Key> all = {
        {"database", "path", [](Config& c, auto& n) { c.database = as_string(n); }},
        {"database", "use_promo_price",
         [](Config& c, auto& n) { c.store.use_promo_price = as_bool(n); }},
        {"database", "pool_size",
         [](Config& c, auto& n) { c.store.pool_size = int(as_int(n, 1, 256)); }},
        {"database", "busy_timeout_ms",
         [](Config& c, auto& n) { c.store.busy_timeout_ms = int(as_int(n, 0, 600000)); }},
        {"database", "import_chunk",
         [](Config& c, auto& n) { c.store.import_chunk = int(as_int(n, 1, 100000)); }},
        {"server", "listen", [](Config& c, auto& n) { c.server.listen_address = as_string(n); }},
        {"server", "port",
         [](Config& c, auto& n) { c.server.port = std::uint16_t(as_int(n, 0, 65535)); }},
        {"server", "tls_cert", [](Config& c, auto& n) { c.server.tls_cert_file = as_string(n); }},
        {"server", "tls_key", [](Config& c, auto& n) { c.server.tls_key_file = as_string(n); }},
        {"server", "body_limit",
         [](Config& c, auto& n) { c.server.body_limit = std::size_t(as_int(n, 1024, 1LL << 32)); }},
        {"server", "header_limit",
         [](Config& c, auto& n) { c.server.header_limit = std::size_t(as_int(n, 1024, 1 << 20)); }},
        {"server", "read_timeout_ms", [](Config& c, auto& n) { c.server.read_timeout = as_ms(n); }},
        {"server", "write_timeout_ms",
         [](Config& c, auto& n) { c.server.write_timeout = as_ms(n); }},
        {"server", "idle_timeout_ms", [](Config& c, auto& n) { c.server.idle_timeout = as_ms(n); }},
        {"server", "handler_timeout_ms",
         [](Config& c, auto& n) { c.server.handler_timeout = as_ms(n); }},
        {"server", "max_connections",
         [](Config& c, auto& n) { c.server.max_connections = int(as_int(n, 1, 1000000)); }},
        {"server", "max_connections_per_address",
         [](Config& c, auto& n) {
             c.server.max_connections_per_address = int(as_int(n, 0, 1000000));
         }},
        {"server", "io_threads",
         [](Config& c, auto& n) { c.server.io_threads = int(as_int(n, 1, 256)); }},
        {"server", "worker_threads",
         [](Config& c, auto& n) { c.server.worker_threads = int(as_int(n, 1, 1024)); }},
        {"server", "trusted_proxies",
         [](Config& c, auto& n) {
             c.server.trusted_proxies = as_string_array(n);
             try {
                 core::IpAllowList check(c.server.trusted_proxies, "trusted_proxies");
             } catch (const std::runtime_error& e) {
                 throw KeyError(e.what());
             }
         }},
        {"connector", "path", [](Config& c, auto& n) { c.connector_path = as_path(n); }},
        {"connector", "password", [](Config& c, auto& n) { c.endpoint.password = as_string(n); }},
        {"connector", "allow_ips",
         [](Config& c, auto& n) { c.endpoint.allow_ips = as_string_array(n); }},
        {"connector", "throttle_failures",
         [](Config& c, auto& n) { c.endpoint.throttle_failures = int(as_int(n, 0, kIntMax)); }},
        {"connector", "throttle_global_failures",
         [](Config& c, auto& n) {
             c.endpoint.throttle_global_failures = int(as_int(n, 0, kIntMax));
         }},
        {"connector", "throttle_window_s",
         [](Config& c, auto& n) { c.endpoint.throttle_window_s = int(as_int(n, 1, 86400)); }},
        {"connector", "currency",
         [](Config& c, auto& n) { c.endpoint.connector.currency = as_currency(n); }},
        {"connector", "base_url",
         [](Config& c, auto& n) { c.endpoint.connector.base_url = as_string(n); }},
        {"connector", "category_filter",
         [](Config& c, auto& n) { c.endpoint.connector.category_filter = as_category_filter(n); }},
        {"page_size", "products",
         [](Config& c, auto& n) { c.endpoint.connector.page_size_products = as_int(n, 1, 10000); }},
        {"page_size", "stock",
         [](Config& c, auto& n) { c.endpoint.connector.page_size_stock = as_int(n, 1, 10000); }},
        {"page_size", "orders",
         [](Config& c, auto& n) { c.endpoint.connector.orders.page_size = as_int(n, 1, 1000); }},
        {"orders", "unknown_products",
         [](Config& c, auto& n) {
             c.endpoint.connector.orders.unknown_products = as_unknown_products(n);
         }},
        {"orders", "match_by_codes",
         [](Config& c, auto& n) { c.endpoint.connector.orders.match_by_codes = as_bool(n); }},
        {"orders", "default_status",
         [](Config& c, auto& n) {
             c.endpoint.connector.orders.default_status =
                 as_int(n, 1, std::numeric_limits<std::int64_t>::max());
         }},
        {"orders", "accept_updates",
         [](Config& c, auto& n) { set_accept_updates(c.endpoint.connector.orders, n); }},
        {"orders", "status_map",
         [](Config& c, auto& n) { c.endpoint.connector.orders.status_map = as_status_map(n); }},
        {"guard", "zeroed_share_percent",
         [](Config& c, auto& n) {
             c.endpoint.connector.guard.zeroed_share_percent = as_int(n, 0, 100);
         }},
        {"guard", "zeroed_min_entries",
         [](Config& c, auto& n) {
             c.endpoint.connector.guard.zeroed_min_entries = as_int(n, 0, 100000);
         }},
        {"guard", "price_floor_percent",
         [](Config& c, auto& n) {
             c.endpoint.connector.guard.price_floor_percent = as_int(n, 0, 100);
         }},
        {"guard", "price_ceiling_factor",
         [](Config& c, auto& n) {
             c.endpoint.connector.guard.price_ceiling_factor = as_int(n, 0, 1000000);
         }},
        {"admin", "enabled", [](Config& c, auto& n) { c.admin.enabled = as_bool(n); }},
        {"admin", "listen", [](Config& c, auto& n) { c.admin.listen_address = as_string(n); }},
        {"admin", "port",
         [](Config& c, auto& n) { c.admin.port = std::uint16_t(as_int(n, 0, 65535)); }},
        {"admin", "language", [](Config& c, auto& n) { c.admin.api.language = as_language(n); }},
        {"admin", "session_hours",
         [](Config& c, auto& n) { c.admin.api.session_hours = as_int(n, 1, 24 * 90); }},
        {"admin", "session_idle_minutes",
         [](Config& c, auto& n) { c.admin.api.session_idle_minutes = as_int(n, 1, 60 * 24 * 90); }},
        {"admin", "login_failures",
         [](Config& c, auto& n) { c.admin.api.login_failures = int(as_int(n, 0, kIntMax)); }},
        {"admin", "login_window_s",
         [](Config& c, auto& n) { c.admin.api.login_window_s = int(as_int(n, 1, 86400)); }},
        {"admin", "poll_warning_minutes",
         [](Config& c, auto& n) { c.admin.api.poll_warning_minutes = as_int(n, 1, 60 * 24 * 30); }},
        {"journal", "retention_days",
         [](Config& c, auto& n) { c.journal_retention_days = int(as_int(n, 1, 36500)); }},
        {"log", "level", [](Config& c, auto& n) { c.log_level = as_log_level(n); }},
    };
    return all;
}

bool known_section(std::string_view name) {
    for (const auto& key : keys()) {
        if (key.section == name) return true;
    }
    return false;
}

const Key* find_key(std::string_view section, std::string_view name) {
    for (const auto& key : keys()) {
        if (key.section == section && key.name == name) return &key;
    }
    return nullptr;
}

void apply_section(Config& config, const std::string& file, std::string_view section,
                   const toml::table& table) {
    for (auto&& [name, node] : table) {
        std::string where = "[" + std::string(section) + "] " + std::string(name.str());
        const Key* key = find_key(section, name.str());
        if (key == nullptr) throw std::runtime_error(file + ": unknown key " + where);
        try {
            key->set(config, node);
        } catch (const KeyError& e) {
            throw std::runtime_error(file + ": " + where + ": " + e.what());
        }
    }
}

void apply_file(Config& config, const std::string& path) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(path + ":" + std::to_string(e.source().begin.line) + ": " +
                                 std::string(e.description()));
    }
    for (auto&& [section, node] : root) {
        std::string name(section.str());
        if (!known_section(name))
            throw std::runtime_error(path + ": unknown section [" + name + "]");
        if (!node.is_table()) throw std::runtime_error(path + ": [" + name + "] must be a table");
        apply_section(config, path, name, *node.as_table());
    }
}

std::uint16_t env_port(const char* name, const char* v) {
    char* end = nullptr;
    long port = std::strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || port < 0 || port > 65535) {
        throw std::runtime_error(std::string(name) + ": not a port number: " + v);
    }
    return static_cast<std::uint16_t>(port);
}

// Secrets and the deployment-specific values can come from the environment (containers,
// systemd credentials) instead of the file.
void apply_environment(Config& config) {
    if (const char* v = std::getenv("BLCONNECT_PASSWORD")) config.endpoint.password = v;
    if (const char* v = std::getenv("BLCONNECT_DATABASE")) config.database = v;
    if (const char* v = std::getenv("BLCONNECT_LISTEN")) config.server.listen_address = v;
    if (const char* v = std::getenv("BLCONNECT_PORT"))
        config.server.port = env_port("BLCONNECT_PORT", v);
    if (const char* v = std::getenv("BLCONNECT_ADMIN_LISTEN")) config.admin.listen_address = v;
    if (const char* v = std::getenv("BLCONNECT_ADMIN_PORT")) {
        config.admin.port = env_port("BLCONNECT_ADMIN_PORT", v);
    }
}

}  // namespace

Config load_config(const std::string& path) {
    Config config;
    config.endpoint.connector.version = BLCONNECT_VERSION;
    if (!path.empty()) apply_file(config, path);
    apply_environment(config);
    return config;
}

}  // namespace app
