#include "store/PolicyText.h"

#include <boost/json.hpp>

#include "store/Store.h"

namespace store {
namespace {

namespace json = boost::json;

}  // namespace

const char* unknown_products_name(UnknownProducts policy) {
    switch (policy) {
        case UnknownProducts::Keep:
            return "keep";
        case UnknownProducts::Hold:
            return "hold";
        case UnknownProducts::Reject:
            return "reject";
    }
    return "hold";
}

std::optional<UnknownProducts> unknown_products_from(std::string_view name) {
    for (auto policy : {UnknownProducts::Keep, UnknownProducts::Hold, UnknownProducts::Reject})
        if (name == unknown_products_name(policy)) return policy;
    return std::nullopt;
}

std::string encode_order_policy(const OrderPolicy& p) {
    json::object map;
    for (const auto& [from, to] : p.status_map) map[from] = to;
    json::object o;
    o["unknown_products"] = unknown_products_name(p.unknown_products);
    o["match_by_codes"] = p.match_by_codes;
    o["default_status"] = p.default_status;
    o["accept_updates"] = json::object{{"status", p.accept_status},
                                       {"delivery_number", p.accept_delivery_number},
                                       {"paid", p.accept_paid}};
    o["status_map"] = std::move(map);
    return json::serialize(o);
}

OrderPolicy decode_order_policy(const std::string& text, const char* key) {
    auto bad = [key](const std::string& why) -> StoreError {
        return StoreError(std::string("settings row ") + key + " is damaged: " + why);
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
    auto boolean = [&](const json::object& from, const char* name, bool& out) {
        if (const json::value* v = from.if_contains(name)) {
            if (!v->is_bool()) throw bad(std::string(name) + " is not a boolean");
            out = v->get_bool();
        }
    };
    if (const json::value* v = o->if_contains("unknown_products")) {
        if (!v->is_string()) throw bad("unknown_products is not a string");
        auto policy = unknown_products_from(std::string_view(v->get_string()));
        if (!policy) throw bad("unknown_products is not keep, hold or reject");
        p.unknown_products = *policy;
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

}  // namespace store
