// ProductsList filters, sorts and filter_limit forms, each checked against the data the shop
// itself returned in the unfiltered listing (docs/protocol.md §2.4).
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <functional>

#include "blsim/Check.h"
#include "blsim/CheckList.h"
#include "blsim/Json.h"
#include "core/Text.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr int kMaxPages = 2000;
using Pred = std::function<bool(const std::string&, const ListedProduct&)>;

// Runs the filter and compares the answer with what the unfiltered listing predicts.
void check_filter(Checker& checker, const Snapshot& snap, const std::string& id,
                  const std::string& description, const Fields& filters, const Pred& expected) {
    Findings f, types;
    const ListPages got = fetch_list(checker, filters, types, kMaxPages);
    for (const auto& p : got.problems) f.fail(p);
    std::set<std::string> returned;
    for (const auto& [pid, product] : got.items) {
        returned.insert(pid);
        if (!expected(pid, product)) f.fail("product " + pid + " does not match the filter");
    }
    for (const auto& [pid, product] : snap.products)
        if (expected(pid, product) && !returned.count(pid))
            f.fail("product " + pid + " matches but is missing");
    if (returned.empty() && f.ok()) f.fail("nothing returned for a filter built from listed data");
    checker.record(id, description, f);
}

std::string ascii_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string ascii_upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The first ASCII-letter word of >= 3 letters in any listed name (upper-casing it is then exact).
std::string pick_word(const Snapshot& snap) {
    for (const auto& [id, p] : snap.products) {
        std::string word;
        for (char c : p.name + " ") {
            if (std::isalpha(static_cast<unsigned char>(c)) &&
                static_cast<unsigned char>(c) < 128) {
                word += c;
            } else {
                if (word.size() >= 3) return word;
                word.clear();
            }
        }
    }
    return "";
}

// The first word (>= 3 bytes, split at spaces and punctuation) with a non-ASCII letter in any
// listed name: "Żółw", "łyżka". Empty when every name is ASCII.
std::string pick_unicode_word(const Snapshot& snap) {
    for (const auto& [id, p] : snap.products) {
        std::string word;
        bool wide = false;
        for (char c : p.name + " ") {
            const auto byte = static_cast<unsigned char>(c);
            if (byte >= 128 || std::isalpha(byte)) {
                word += c;
                wide = wide || byte >= 128;
            } else {
                if (wide && word.size() >= 3) return word;
                word.clear();
                wide = false;
            }
        }
    }
    return "";
}

// Unicode upper case (ICU): "żółw" -> "ŻÓŁW".
std::string unicode_upper(const std::string& utf8) {
    std::string out;
    icu::UnicodeString::fromUTF8(utf8).toUpper(icu::Locale::getRoot()).toUTF8String(out);
    return out;
}

// Any variant or product code equal to `code` (ProductsData), for ean/sku filters.
bool has_code(const Snapshot& snap, const std::string& pid, const char* key,
              const std::string& code) {
    const auto* p = snap.data.if_contains(pid);
    if (!p || !p->is_object()) return false;
    const auto* v = p->get_object().if_contains("variants");
    if (!v || !v->is_object()) return false;
    for (const auto& kv : v->get_object()) {
        if (!kv.value().is_object()) continue;
        const auto* c = kv.value().get_object().if_contains(key);
        if (c && as_id(*c) == code) return true;
    }
    return false;
}

// A variant code from ProductsData, to check that the base product is returned for it.
std::pair<std::string, std::string> variant_code(const Snapshot& snap, const char* key) {
    for (const auto& kv : snap.data) {
        if (!kv.value().is_object()) continue;
        const auto* v = kv.value().get_object().if_contains("variants");
        if (!v || !v->is_object()) continue;
        for (const auto& var : v->get_object()) {
            const auto* c =
                var.value().is_object() ? var.value().get_object().if_contains(key) : nullptr;
            if (c && as_id(*c) && !as_id(*c)->empty()) return {std::string(kv.key()), *as_id(*c)};
        }
    }
    return {"", ""};
}

void check_code_filters(Checker& checker, const Snapshot& snap) {
    const auto& first = *snap.products.begin();
    check_filter(checker, snap, "catalog.list.filter_id", "filter_id returns exactly that product",
                 {{"filter_id", first.first}},
                 [&](const std::string& id, const ListedProduct&) { return id == first.first; });
    std::set<std::string> some;
    for (const auto& kv : snap.products)
        if (some.size() < 3 && (kv.first.size() % 2 == 0 || some.size() < 2)) some.insert(kv.first);
    std::string list;
    for (const auto& id : some) list += (list.empty() ? "" : ",") + id;
    check_filter(checker, snap, "catalog.list.filter_ids_list",
                 "filter_ids_list returns exactly those ids", {{"filter_ids_list", list}},
                 [&](const std::string& id, const ListedProduct&) { return some.count(id) > 0; });
    for (const char* key : {"ean", "sku"}) {
        const std::string fid = std::string("catalog.list.filter_") + key;
        auto [vid, vcode] = variant_code(snap, key);
        std::string code = vcode;
        if (code.empty())
            for (const auto& kv : snap.products)
                if (!(key[0] == 'e' ? kv.second.ean : kv.second.sku).empty()) {
                    code = key[0] == 'e' ? kv.second.ean : kv.second.sku;
                    break;
                }
        if (code.empty()) {
            checker.skip(fid, std::string("filter_") + key, "no product has one");
            continue;
        }
        check_filter(checker, snap, fid,
                     std::string("filter_") + key + " exact, variant codes find the base product",
                     {{std::string("filter_") + key, code}},
                     [&](const std::string& id, const ListedProduct& p) {
                         return (key[0] == 'e' ? p.ean : p.sku) == code ||
                                has_code(snap, id, key, code);
                     });
    }
}

void check_value_filters(Checker& checker, const Snapshot& snap) {
    const std::string word = pick_word(snap);
    if (word.empty())
        checker.skip("catalog.list.filter_name", "filter_name", "no ASCII word in the names");
    else
        check_filter(
            checker, snap, "catalog.list.filter_name", "filter_name substring, case-insensitive",
            {{"filter_name", ascii_upper(word)}}, [&](const std::string&, const ListedProduct& p) {
                return core::fold_case(p.name).find(ascii_lower(word)) != std::string::npos;
            });
    // The protocol's own example: `żółw` must find `Żółw`. Sent upper-cased, so only a
    // connector that folds non-ASCII letters finds the product the word came from.
    const std::string wide = pick_unicode_word(snap);
    if (wide.empty())
        checker.skip("catalog.list.filter_name_unicode", "filter_name",
                     "no non-ASCII word in names");
    else
        check_filter(checker, snap, "catalog.list.filter_name_unicode",
                     "filter_name folds case of non-ASCII letters (ŻÓŁW finds Żółw)",
                     {{"filter_name", unicode_upper(wide)}},
                     [&](const std::string&, const ListedProduct& p) {
                         return core::fold_case(p.name).find(core::fold_case(wide)) !=
                                std::string::npos;
                     });
    std::vector<core::Money> prices;
    std::vector<std::int64_t> quantities;
    for (const auto& kv : snap.products) {
        prices.push_back(kv.second.price);
        quantities.push_back(kv.second.quantity);
    }
    std::sort(prices.begin(), prices.end());
    std::sort(quantities.begin(), quantities.end());
    const core::Money plo = prices[prices.size() / 4], phi = prices[prices.size() * 3 / 4];
    check_filter(checker, snap, "catalog.list.filter_price",
                 "filter_price_from/to inclusive bounds",
                 {{"filter_price_from", plo.format()}, {"filter_price_to", phi.format()}},
                 [&](const std::string&, const ListedProduct& p) {
                     return p.price >= plo && p.price <= phi;
                 });
    const std::int64_t qlo = quantities[quantities.size() / 4],
                       qhi = quantities[quantities.size() * 3 / 4];
    check_filter(checker, snap, "catalog.list.filter_quantity",
                 "filter_quantity_from/to inclusive bounds",
                 {{"filter_quantity_from", std::to_string(qlo)},
                  {"filter_quantity_to", std::to_string(qhi)}},
                 [&](const std::string&, const ListedProduct& p) {
                     return p.quantity >= qlo && p.quantity <= qhi;
                 });
}

void check_category_filter(Checker& checker, const Snapshot& snap) {
    // The primary category of the first product with one. The official integration files list
    // the products of exactly that category; a shop may add those of its descendants (blconnect's
    // category_filter = "subtree"), so only the category's own products are required.
    std::string cat;
    for (const auto& kv : snap.data) {
        const auto* c =
            kv.value().is_object() ? kv.value().get_object().if_contains("category_id") : nullptr;
        if (c && as_id(*c) && snap.categories.count(*as_id(*c))) {
            cat = *as_id(*c);
            break;
        }
    }
    if (cat.empty()) {
        checker.skip("catalog.list.filter_category", "category_id filter",
                     "no product with a listed category");
        return;
    }
    Findings f, types;
    const ListPages got = fetch_list(checker, {{"category_id", cat}}, types, kMaxPages);
    std::set<std::string> returned;
    for (const auto& item : got.items) returned.insert(item.first);
    for (const auto& p : got.problems) f.fail(p);
    // Products whose primary category it is must be there (others may be there through a
    // secondary category, which ProductsData does not show, or a descendant).
    for (const auto& kv : snap.data) {
        const auto* c =
            kv.value().is_object() ? kv.value().get_object().if_contains("category_id") : nullptr;
        const auto cid = c ? as_id(*c) : std::nullopt;
        if (!cid || !snap.categories.count(*cid)) continue;
        const std::string& p = snap.categories.at(*cid);
        if (*cid == cat && !returned.count(std::string(kv.key())))
            f.fail("product " + std::string(kv.key()) + " in " + p + " is missing");
    }
    for (const auto& id : returned)
        if (!snap.products.count(id))
            f.fail("product " + id + " was not in the unfiltered listing");
    if (returned.empty()) f.fail("no product for category " + cat);
    checker.record("catalog.list.filter_category",
                   "category_id includes the products of that category", f);
}

void check_available(Checker& checker, const Snapshot& snap) {
    Findings f, types;
    const ListPages on = fetch_list(checker, {{"filter_available", "1"}}, types, kMaxPages);
    const ListPages off = fetch_list(checker, {{"filter_available", "0"}}, types, kMaxPages);
    std::map<std::string, int> seen;
    for (const auto& i : on.items) ++seen[i.first];
    for (const auto& i : off.items) ++seen[i.first];
    for (const auto& [id, n] : seen)
        if (n > 1) f.fail("product " + id + " both available and unavailable");
    for (const auto& kv : snap.products)
        if (!seen.count(kv.first))
            f.fail("product " + kv.first + " neither available nor unavailable");
    if (!on.problems.empty() || !off.problems.empty())
        f.fail("paging problem with filter_available");
    checker.record("catalog.list.filter_available",
                   "filter_available 1 and 0 partition the catalogue", f);
}

}  // namespace

void check_catalog_sorts(Checker& checker, const Snapshot& snap);

void check_catalog_filters(Checker& checker, const Snapshot& snap) {
    if (snap.products.empty()) {
        checker.skip("catalog.list.filter_*", "ProductsList filters", "no product listed");
        return;
    }
    check_category_filter(checker, snap);
    check_code_filters(checker, snap);
    check_value_filters(checker, snap);
    check_available(checker, snap);
    check_catalog_sorts(checker, snap);
}

}  // namespace blsim
