// ProductsData (docs/protocol.md §2.5): field types, unknown ids, only_images.
#include <boost/json/serialize.hpp>

#include "blsim/Check.h"
#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr std::size_t kBatch = 100;         // what BaseLinker sends
constexpr std::size_t kMaxProducts = 2000;  // bounds the sweep on big shops

bool is_number(const json::value& v) {
    return v.is_number();
}

void check_typed(const std::string& where, const json::object& obj, const char* key,
                 bool (*ok)(const json::value&), const char* want, Findings& f, bool required) {
    const auto* v = obj.if_contains(key);
    if (!v) {
        if (required)
            f.fail(where + " has no \"" + key + "\"");
        else
            f.note(where + " has no \"" + key + "\"");
        return;
    }
    if (ok(*v)) return;
    // Numbers-as-strings are what PHP emits; BaseLinker reads them.
    if (v->is_string() && std::string(want) != "string" && std::string(want) != "array") {
        f.note(where + " \"" + key + "\" is a string, protocol says " + want);
        return;
    }
    f.fail(where + " \"" + key + "\" is " + describe_json_type(*v) + ", want " + want);
}

bool is_string(const json::value& v) {
    return v.is_string();
}
bool is_integer(const json::value& v) {
    return v.is_int64() || v.is_uint64();
}
bool is_array(const json::value& v) {
    return v.is_array();
}
bool is_map(const json::value& v) {
    return v.is_object() || is_empty_map(v);
}

void check_images(const std::string& where, const json::value& images, Findings& f) {
    if (!images.is_array()) return;
    for (const auto& url : images.get_array())
        if (!url.is_string()) f.fail(where + " image is not a string");
}

void check_variant(const std::string& where, const json::object& v, Findings& f) {
    for (const char* key : {"full_name", "name", "sku", "ean"})
        check_typed(where, v, key, is_string, "string", f, true);
    check_typed(where, v, "quantity", is_integer, "integer", f, true);
    check_typed(where, v, "price", is_number, "number", f, true);
    check_typed(where, v, "images", is_array, "array", f, false);
    check_typed(where, v, "features", is_array, "array", f, false);
}

void check_product(const std::string& id, const json::object& p, Findings& f) {
    const std::string where = "product " + id;
    for (const char* key : {"name", "sku", "ean"})
        check_typed(where, p, key, is_string, "string", f, true);
    check_typed(where, p, "quantity", is_integer, "integer", f, true);
    check_typed(where, p, "price", is_number, "number", f, true);
    for (const char* key : {"model", "currency", "description", "description_extra1", "man_name",
                            "man_image", "category_id", "category_name", "location", "url"})
        check_typed(where, p, key, is_string, "string", f, false);
    for (const char* key : {"tax", "weight", "height", "width", "length"})
        check_typed(where, p, key, is_number, "number", f, false);
    check_typed(where, p, "images", is_array, "array", f, false);
    check_typed(where, p, "features", is_array, "array", f, false);
    check_typed(where, p, "variants", is_map, "object or []", f, false);
    if (const auto* images = p.if_contains("images")) check_images(where, *images, f);
    if (const auto* features = p.if_contains("features"); features && features->is_array())
        for (const auto& pair : features->get_array())
            if (!pair.is_array() || pair.get_array().size() != 2)
                f.fail(where + " feature is not [name, value]");
    if (const auto* variants = p.if_contains("variants"); variants && variants->is_object())
        for (const auto& kv : variants->get_object()) {
            if (!kv.value().is_object())
                f.fail(where + " variant " + std::string(kv.key()) + " is not an object");
            else
                check_variant(where + " variant " + std::string(kv.key()), kv.value().get_object(),
                              f);
        }
}

void check_unknown_ids(Checker& checker, const std::string& known) {
    Findings f;
    const auto v = checker.call_json("ProductsData", {{"products_id", "987654321," + known}});
    if (!v || is_error_envelope(*v) || !v->is_object())
        f.fail("answer is not a product map");
    else {
        if (v->get_object().contains("987654321")) f.fail("unknown id 987654321 is present");
        if (!v->get_object().contains(known)) f.fail("known id " + known + " is missing");
    }
    checker.record("catalog.data.unknown_ids", "ProductsData: unknown ids are absent, no error", f);
}

void check_only_images(Checker& checker, const std::string& known) {
    Findings f;
    const auto v =
        checker.call_json("ProductsData", {{"products_id", known}, {"only_images", "1"}});
    const json::value* p = (v && v->is_object()) ? v->get_object().if_contains(known) : nullptr;
    if (!p || !p->is_object())
        f.fail("product " + known + " missing");
    else {
        const auto& obj = p->get_object();
        if (!obj.contains("images") || !obj.at("images").is_array()) f.fail("no \"images\" array");
        if (obj.size() != 1) f.fail("keys other than \"images\" returned");
    }
    checker.record("catalog.data.only_images", "ProductsData only_images=1 -> {images} only", f);
}

}  // namespace

void check_catalog_data(Checker& checker, Snapshot& snap) {
    if (snap.products.empty()) {
        checker.skip("catalog.data.fields", "ProductsData field types", "no product listed");
        return;
    }
    Findings f;
    std::vector<std::string> ids;
    for (const auto& kv : snap.products)
        if (ids.size() < kMaxProducts) ids.push_back(kv.first);
    for (std::size_t start = 0; start < ids.size(); start += kBatch) {
        std::string list;
        for (std::size_t i = start; i < ids.size() && i < start + kBatch; ++i)
            list += (list.empty() ? "" : ",") + ids[i];
        const Reply reply = checker.call("ProductsData", {{"products_id", list}});
        const auto v = parse_json(reply.body);
        if (!v || !v->is_object() || is_error_envelope(*v)) {
            f.fail("ProductsData batch is not a product map");
            break;
        }
        if (!money_has_two_decimals(reply.body, "price"))
            f.note("a price without exactly two decimals");
        for (const auto& kv : v->get_object()) {
            if (!kv.value().is_object())
                f.fail("product " + std::string(kv.key()) + " is not an object");
            else
                check_product(std::string(kv.key()), kv.value().get_object(), f);
            snap.data[kv.key()] = kv.value();
        }
    }
    for (const auto& id : ids)
        if (!snap.data.contains(id)) f.fail("listed product " + id + " missing from ProductsData");
    checker.record("catalog.data.fields",
                   "ProductsData: every listed product, field types per protocol", f);
    check_unknown_ids(checker, ids.front());
    check_only_images(checker, ids.front());
}

}  // namespace blsim
