// Catalogue reads (docs/protocol.md §2): FileVersion, SupportedMethods, categories, ProductsList
// fields and paging, ProductsData.
#include <algorithm>
#include <boost/json/serialize.hpp>

#include "blsim/Check.h"
#include "blsim/CheckList.h"
#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr int kMaxPages = 2000;  // bounds every paging loop

void check_file_version(Checker& checker) {
    Findings f;
    const auto v = checker.call_json("FileVersion");
    if (!v || !v->is_object() || is_error_envelope(*v)) {
        f.fail("FileVersion did not answer an object");
    } else {
        const auto& obj = v->get_object();
        const auto* standard = obj.if_contains("standard");
        if (!standard || as_int(*standard) != 4)
            f.fail("\"standard\" is not 4");
        else if (!standard->is_int64() && !standard->is_uint64())
            f.note("\"standard\" is not a JSON integer");
        for (const char* key : {"platform", "version"})
            if (!obj.contains(key) || !obj.at(key).is_string())
                f.fail(std::string("\"") + key + "\" missing or not a string");
    }
    checker.record("catalog.file_version", "FileVersion -> {platform, version, standard: 4}", f);
}

void check_supported_methods(Checker& checker) {
    Findings f;
    const auto v = checker.call_json("SupportedMethods");
    if (!v || !v->is_array()) {
        f.fail("SupportedMethods is not a JSON array");
        checker.record("catalog.supported_methods", "SupportedMethods lists callable actions", f);
        return;
    }
    std::vector<std::string> names;
    for (const auto& n : v->get_array())
        if (n.is_string())
            names.emplace_back(n.get_string());
        else
            f.fail("non-string entry " + json::serialize(n));
    for (const char* required : {"FileVersion", "SupportedMethods"})
        if (std::find(names.begin(), names.end(), required) == names.end())
            f.fail(std::string("does not list ") + required);
    // Only read actions are called: a write action answers a validation error, never
    // unsupported_action.
    for (const auto& name : names) {
        // These would create data even with empty fields; callability is not worth that.
        if (name == "ProductAdd" || name == "CategoryAdd") continue;
        const auto answer =
            checker.call_json(name, {{"orders_ids", ""}, {"products", ""}, {"products_id", ""}});
        if (!answer)
            f.fail(name + " does not answer JSON");
        else if (error_code(*answer) == "unsupported_action")
            f.fail(name + " is listed but unsupported");
    }
    checker.record("catalog.supported_methods", "SupportedMethods: every listed name is callable",
                   f);
}

void check_categories(Checker& checker, Snapshot& snap) {
    Findings f;
    const auto v = checker.call_json("ProductsCategories");
    if (!v || is_error_envelope(*v) || !(v->is_object() || is_empty_map(*v))) {
        f.fail("ProductsCategories is not a map");
    } else if (v->is_object()) {
        for (const auto& kv : v->get_object()) {
            if (!kv.value().is_string())
                f.fail("category " + std::string(kv.key()) + " path is not a string");
            else
                snap.categories[std::string(kv.key())] = std::string(kv.value().get_string());
        }
    }
    checker.record("catalog.categories", "ProductsCategories -> {id: \"A/B/C\"}", f);
}

void load_list(Checker& checker, Snapshot& snap) {
    Findings fields, paging;
    ListPages all = fetch_list(checker, {}, fields, kMaxPages);
    for (const auto& [id, product] : all.items) {
        if (snap.products.count(id)) paging.fail("product " + id + " listed twice");
        snap.products[id] = product;
    }
    for (const auto& p : all.problems) paging.fail(p);
    snap.list_ok = fields.ok() && paging.ok() && !all.items.empty();
    checker.record("catalog.list.fields",
                   "ProductsList field types (ids strings, quantity int, price 2 decimals)",
                   fields);
    if (all.items.empty()) {
        checker.skip("catalog.list.paging", "paging completeness",
                     "ProductsList returned no product");
        return;
    }
    // Small pages make the server page for real; their union must be the whole listing once each.
    const std::size_t total = snap.products.size();
    const std::size_t size = std::max<std::size_t>(1, (total + 6) / 7);
    Findings ignored;
    ListPages small =
        fetch_list(checker, {{"filter_limit", std::to_string(size)}}, ignored, kMaxPages);
    for (const auto& p : small.problems)
        paging.fail("filter_limit=" + std::to_string(size) + ": " + p);
    std::map<std::string, int> seen;
    for (const auto& item : small.items) ++seen[item.first];
    for (const auto& [id, n] : seen) {
        if (n > 1) paging.fail("product " + id + " on " + std::to_string(n) + " pages");
        if (!snap.products.count(id)) paging.fail("product " + id + " only in the paged listing");
    }
    for (const auto& [id, p] : snap.products)
        if (!seen.count(id))
            paging.fail("product " + id + " missing from the pages of " + std::to_string(size));
    const auto expected_pages = static_cast<std::int64_t>((total + size - 1) / size);
    if (small.pages != expected_pages)
        paging.fail("pages=" + std::to_string(small.pages) + ", expected " +
                    std::to_string(expected_pages));
    checker.record("catalog.list.paging",
                   "union of all pages = every product exactly once; pages consistent", paging);
}

}  // namespace

void check_catalog_data(Checker& checker, Snapshot& snap);

void check_catalog(Checker& checker, Snapshot& snap) {
    check_file_version(checker);
    check_supported_methods(checker);
    check_categories(checker, snap);
    load_list(checker, snap);
    check_catalog_data(checker, snap);
}

}  // namespace blsim
