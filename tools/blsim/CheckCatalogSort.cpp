// ProductsList filter_sort orders and filter_limit forms (docs/protocol.md §2.4).
#include "blsim/Check.h"
#include "blsim/CheckList.h"
#include "blsim/Json.h"
#include "core/Text.h"

namespace blsim {

namespace {

constexpr int kMaxPages = 2000;

// <0, 0, >0 like strcmp; ids compare as numbers when both are.
int compare(const std::string& field, const std::pair<std::string, ListedProduct>& a,
            const std::pair<std::string, ListedProduct>& b) {
    if (field == "quantity")
        return a.second.quantity < b.second.quantity ? -1 : a.second.quantity > b.second.quantity;
    if (field == "price")
        return a.second.price < b.second.price ? -1 : a.second.price > b.second.price;
    if (field == "name")
        return core::fold_case(a.second.name).compare(core::fold_case(b.second.name));
    if (a.first.size() != b.first.size()) return a.first.size() < b.first.size() ? -1 : 1;
    return a.first.compare(b.first);
}

void check_sort(Checker& checker, const Snapshot& snap, const std::string& field, bool asc) {
    Findings f, types;
    const std::string dir = asc ? "ASC" : "DESC";
    const ListPages got =
        fetch_list(checker, {{"filter_sort", field + " " + dir}}, types, kMaxPages);
    for (const auto& p : got.problems) f.fail(p);
    if (got.items.size() != snap.products.size())
        f.fail(std::to_string(got.items.size()) + " products, unsorted listing had " +
               std::to_string(snap.products.size()));
    for (std::size_t i = 1; i < got.items.size(); ++i) {
        const int c = compare(field, got.items[i - 1], got.items[i]);
        if ((asc && c > 0) || (!asc && c < 0)) {
            const std::string text = "products " + got.items[i - 1].first + " and " +
                                     got.items[i].first + " out of order";
            // Name collation is the shop's (MySQL *_ci differs from case-folded byte order).
            if (field == "name")
                f.note(text + " by case-folded byte order");
            else
                f.fail(text);
        }
    }
    checker.record("catalog.list.sort_" + field + "_" + (asc ? "asc" : "desc"),
                   "filter_sort " + field + " " + dir, f);
}

void check_limit_forms(Checker& checker, const Snapshot& snap) {
    Findings f;
    std::vector<std::string> ids;  // id ASC, the default order
    for (const auto& kv : snap.products) ids.push_back(kv.first);
    std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    const auto page = parse_json(checker.call("ProductsList", {{"filter_limit", "5"}}).body);
    const auto map = page ? read_paged_map(*page) : std::nullopt;
    const auto want_pages = static_cast<std::int64_t>((ids.size() + 4) / 5);
    if (!map || map->entries.size() != std::min<std::size_t>(5, ids.size()) ||
        map->pages != want_pages)
        f.fail("filter_limit=5: expected " + std::to_string(std::min<std::size_t>(5, ids.size())) +
               " products and pages=" + std::to_string(want_pages));
    const auto sql = parse_json(checker.call("ProductsList", {{"filter_limit", "3, 4"}}).body);
    const auto smap = sql ? read_paged_map(*sql) : std::nullopt;
    if (!smap)
        f.fail("filter_limit='3, 4' is not a product map");
    else {
        if (smap->pages) f.fail("filter_limit='3, 4' answers a \"pages\" field");
        std::vector<std::string> want(ids.begin() + std::min<std::size_t>(3, ids.size()),
                                      ids.begin() + std::min<std::size_t>(7, ids.size()));
        std::vector<std::string> got;
        for (const auto& e : smap->entries) got.push_back(e.first);
        if (got != want) f.fail("filter_limit='3, 4' did not return products 4..7 by id");
    }
    checker.record("catalog.list.limit_forms", "filter_limit N (page size) and 'offset, count'", f);
}

}  // namespace

void check_catalog_sorts(Checker& checker, const Snapshot& snap) {
    for (const char* field : {"id", "name", "quantity", "price"})
        for (bool asc : {true, false}) check_sort(checker, snap, field, asc);
    check_limit_forms(checker, snap);
}

}  // namespace blsim
