// Run-time settings as rows of the key/value table `settings`: the order policy as one JSON
// text, the connector password's hash, and a version counter that every save bumps.
#include "store/sqlite/Settings.h"

#include <boost/json.hpp>

namespace store::sqlite {
namespace {

namespace json = boost::json;

constexpr const char* kPolicyKey = "orders.policy";
constexpr const char* kPasswordKey = "connector.password_sha256";
constexpr const char* kVersionKey = "version";

std::string encode_policy(const OrderPolicy& p) {
    json::object map;
    for (const auto& [from, to] : p.status_map) map[from] = to;
    json::object o;
    o["unknown_products"] = p.unknown_products == UnknownProducts::Reject ? "reject" : "keep";
    o["match_by_codes"] = p.match_by_codes;
    o["default_status"] = p.default_status;
    o["accept_updates"] = json::object{{"status", p.accept_status},
                                       {"delivery_number", p.accept_delivery_number},
                                       {"paid", p.accept_paid}};
    o["status_map"] = std::move(map);
    return json::serialize(o);
}

// Members missing from the stored text keep their defaults (a text written by an older
// version); a member of the wrong type means the row was damaged.
OrderPolicy decode_policy(const std::string& text) {
    auto bad = [](const std::string& why) -> StoreError {
        return StoreError(std::string("settings row ") + kPolicyKey + " is damaged: " + why);
    };
    json::value parsed;
    try {
        parsed = json::parse(text);
    } catch (const std::exception& e) {
        throw bad(e.what());
    }
    const json::object* o = parsed.if_object();
    if (!o) throw bad("not a JSON object");
    OrderPolicy p;
    auto boolean = [&](const json::object& from, const char* key, bool& out) {
        if (const json::value* v = from.if_contains(key)) {
            if (!v->is_bool()) throw bad(std::string(key) + " is not a boolean");
            out = v->get_bool();
        }
    };
    if (const json::value* v = o->if_contains("unknown_products")) {
        if (!v->is_string()) throw bad("unknown_products is not a string");
        p.unknown_products =
            v->get_string() == "reject" ? UnknownProducts::Reject : UnknownProducts::Keep;
    }
    boolean(*o, "match_by_codes", p.match_by_codes);
    if (const json::value* v = o->if_contains("default_status")) {
        if (!v->is_int64()) throw bad("default_status is not an integer");
        p.default_status = v->get_int64();
    }
    if (const json::value* v = o->if_contains("accept_updates")) {
        if (!v->is_object()) throw bad("accept_updates is not an object");
        boolean(v->get_object(), "status", p.accept_status);
        boolean(v->get_object(), "delivery_number", p.accept_delivery_number);
        boolean(v->get_object(), "paid", p.accept_paid);
    }
    if (const json::value* v = o->if_contains("status_map")) {
        if (!v->is_object()) throw bad("status_map is not an object");
        for (const auto& [from, to] : v->get_object()) {
            if (!to.is_int64()) throw bad("status_map target is not an integer");
            p.status_map[std::string(from)] = to.get_int64();
        }
    }
    return p;
}

std::int64_t read_version(Connection& conn) {
    auto st = conn.prepare("SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?1");
    st.bind(1, kVersionKey);
    return st.step() ? st.integer(0) : 0;
}

void put(Connection& conn, const char* key, const std::optional<std::string>& value) {
    if (!value) {
        conn.prepare("DELETE FROM settings WHERE key = ?1").bind(1, key).run();
        return;
    }
    conn.prepare(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, *value)
        .run();
}

}  // namespace

StoredSettings SqliteSettings::load() {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // the members and the version of one save
    StoredSettings out;
    auto st = conn->prepare("SELECT key, value FROM settings WHERE key IN (?1, ?2)");
    st.bind(1, kPolicyKey).bind(2, kPasswordKey);
    while (st.step()) {
        std::string key = st.text(0);
        if (key == kPolicyKey)
            out.orders = decode_policy(st.text(1));
        else
            out.connector_password_sha256 = st.text(1);
    }
    out.version = read_version(*conn);
    tx.commit();
    return out;
}

void SqliteSettings::save(const StoredSettings& settings) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Write);
    put(*conn, kPolicyKey,
        settings.orders ? std::optional(encode_policy(*settings.orders)) : std::nullopt);
    put(*conn, kPasswordKey, settings.connector_password_sha256);
    put(*conn, kVersionKey, std::to_string(read_version(*conn) + 1));
    tx.commit();
}

std::int64_t SqliteSettings::version() {
    auto conn = pool_.acquire();
    return read_version(*conn);
}

}  // namespace store::sqlite
