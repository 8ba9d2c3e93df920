// /settings: the order policy staff may change at run time (stored values win over [orders] in
// the config file) and the rotation of the connector password. Every change is validated in
// full before the one store write, then the connector is told to apply it at once.
#include <mutex>
#include <set>

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "admin/Sodium.h"
#include "admin/Token.h"
#include "admin/api/Fields.h"
#include "admin/api/Json.h"

#include <sodium.h>

namespace admin::api {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxStatusKey = 100;
constexpr std::size_t kPasswordChars = 32;

// Settings::save writes the whole row set; without this, a policy change and a password
// rotation racing in this process could each save the other's stale half.
std::mutex& save_mutex() {
    static std::mutex mutex;
    return mutex;
}

const char* unknown_products_text(store::UnknownProducts policy) {
    switch (policy) {
        case store::UnknownProducts::Keep:
            return "keep";
        case store::UnknownProducts::Hold:
            return "hold";
        case store::UnknownProducts::Reject:
            return "reject";
    }
    return "hold";
}

void write_policy(wire::JsonWriter& out, const store::OrderPolicy& policy) {
    out.begin_object();
    out.key("unknown_products").string(unknown_products_text(policy.unknown_products));
    out.key("match_by_codes").boolean(policy.match_by_codes);
    out.key("default_status").integer(policy.default_status);
    out.key("accept_updates").begin_object();
    out.key("status").boolean(policy.accept_status);
    out.key("delivery_number").boolean(policy.accept_delivery_number);
    out.key("paid").boolean(policy.accept_paid);
    out.end_object();
    out.key("status_map").begin_object();
    for (const auto& [from, to] : policy.status_map) out.key(from).integer(to);
    out.end_object();
    out.end_object();
}

core::WebResponse settings_reply(const Call& call, const store::StoredSettings& stored) {
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object();
        out.key("orders");
        write_policy(out, order_policy_in_force(call, stored));
        out.key("source").string(stored.orders ? "database" : "config");
        out.key("connector").begin_object();
        out.key("path").string(call.connector.connector_path);
        out.key("password_source").string(stored.connector_password_sha256 ? "database" : "config");
        out.end_object();
        out.end_object();
    });
}

void announce(const Call& call) {
    if (call.connector.settings_changed) call.connector.settings_changed();
}

// ---- reading the orders object ----

std::set<store::Id> known_statuses(Call& call) {
    std::set<store::Id> ids;
    for (const auto& status : call.store.lookups().order_statuses()) ids.insert(status.id);
    return ids;
}

store::Id status_id(const json::value& value, const std::string& field,
                    const std::set<store::Id>& statuses) {
    if (!value.is_int64()) throw invalid_field(field, "expected a status id");
    if (!statuses.count(value.get_int64())) {
        throw invalid_field(field, "no order status has id " + std::to_string(value.get_int64()));
    }
    return value.get_int64();
}

const json::object& nested_object(const Body& body, std::string_view key) {
    const auto* value = body.object().if_contains(key);
    if (value == nullptr || value->is_null()) throw invalid_field(std::string(key), "is required");
    if (!value->is_object()) throw invalid_field(std::string(key), "expected an object");
    return value->get_object();
}

bool nested_flag(const json::object& object, std::string_view key) {
    std::string field = "accept_updates." + std::string(key);
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) throw invalid_field(field, "is required");
    if (!value->is_bool()) throw invalid_field(field, "expected true or false");
    return value->get_bool();
}

void read_accept_updates(const Body& body, store::OrderPolicy& policy) {
    const auto& object = nested_object(body, "accept_updates");
    for (const auto& member : object) {
        std::string_view key = member.key();
        if (key != "status" && key != "delivery_number" && key != "paid")
            throw invalid_field("accept_updates." + std::string(key), "unknown field");
    }
    policy.accept_status = nested_flag(object, "status");
    policy.accept_delivery_number = nested_flag(object, "delivery_number");
    policy.accept_paid = nested_flag(object, "paid");
}

void read_status_map(const Body& body, const std::set<store::Id>& statuses,
                     store::OrderPolicy& policy) {
    for (const auto& member : nested_object(body, "status_map")) {
        std::string key(member.key());
        std::string field = "status_map." + key;
        std::size_t chars = char_count(key);
        if (chars == 0 || chars > kMaxStatusKey) {
            throw invalid_field(field, "a BaseLinker status must be 1 to " +
                                           std::to_string(kMaxStatusKey) + " characters");
        }
        policy.status_map[key] = status_id(member.value(), field, statuses);
    }
}

store::UnknownProducts read_unknown_products(const Body& body) {
    std::string value = body.string("unknown_products");
    if (value == "keep") return store::UnknownProducts::Keep;
    if (value == "hold") return store::UnknownProducts::Hold;
    if (value == "reject") return store::UnknownProducts::Reject;
    throw invalid_field("unknown_products", "expected \"hold\", \"keep\" or \"reject\"");
}

store::OrderPolicy read_policy(Call& call) {
    Body body(call.request.body, {"unknown_products", "match_by_codes", "default_status",
                                  "accept_updates", "status_map"});
    auto statuses = known_statuses(call);
    store::OrderPolicy policy;
    policy.unknown_products = read_unknown_products(body);
    policy.match_by_codes = body.boolean("match_by_codes");
    if (!body.has("default_status")) throw invalid_field("default_status", "is required");
    policy.default_status =
        status_id(body.object().at("default_status"), "default_status", statuses);
    read_accept_updates(body, policy);
    read_status_map(body, statuses, policy);
    return policy;
}

// ---- the connector password ----

// Uniform over [A-Za-z0-9] (randombytes_uniform has no modulo bias): 32 of them are ~190 bits.
std::string random_password() {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    ensure_sodium();
    std::string password;
    for (std::size_t i = 0; i < kPasswordChars; ++i)
        password += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    return password;
}

// ---- handlers ----

core::WebResponse get_settings(Call& call) {
    return settings_reply(call, call.store.settings().load());
}

core::WebResponse put_orders(Call& call) {
    store::OrderPolicy policy = read_policy(call);
    std::lock_guard lock(save_mutex());
    auto stored = call.store.settings().load();
    stored.orders = policy;
    call.store.settings().save(stored);
    spdlog::info("admin api: {} changed the order settings", call.caller.username);
    announce(call);
    return settings_reply(call, stored);
}

core::WebResponse delete_orders(Call& call) {
    std::lock_guard lock(save_mutex());
    auto stored = call.store.settings().load();
    stored.orders.reset();
    call.store.settings().save(stored);
    spdlog::info("admin api: {} restored the config file's order settings", call.caller.username);
    announce(call);
    return settings_reply(call, stored);
}

core::WebResponse rotate_password(Call& call) {
    std::string password = random_password();
    {
        std::lock_guard lock(save_mutex());
        auto stored = call.store.settings().load();
        stored.connector_password_sha256 = token_hash(password);
        call.store.settings().save(stored);
    }
    spdlog::info("admin api: {} rotated the connector password", call.caller.username);
    announce(call);
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("password").string(password).end_object();
    });
}

}  // namespace

std::vector<Route> settings_routes() {
    return {
        {"GET", "/settings", get_settings},
        {"PUT", "/settings/orders", put_orders},
        {"DELETE", "/settings/orders", delete_orders},
        {"POST", "/settings/connector-password", rotate_password},
    };
}

}  // namespace admin::api
