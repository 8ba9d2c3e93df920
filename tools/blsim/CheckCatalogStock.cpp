// ProductsQuantity / ProductsPrices sweeps and cross-action consistency (docs/protocol.md §2:
// ids, key 0, stock rule; §2.6), plus the three *List actions (§2.8).
#include "blsim/Check.h"
#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr int kMaxPages = 2000;

// Reads one product's {"0": n, "<variant>": n} entry; ["5"] is PHP's form of a lone key 0.
template <class T, class Read>
bool read_entry(const std::string& id, const json::value& v, std::map<std::string, T>& out,
                Read read, Findings& shape, Findings& key0) {
    if (v.is_array()) {
        key0.note("product " + id + " is a PHP list " +
                  std::string(v.get_array().size() == 1 ? "[n]" : "[...]") +
                  " instead of {\"0\": n}");
        const auto& arr = v.get_array();
        for (std::size_t i = 0; i < arr.size(); ++i)
            if (auto x = read(arr[i])) out[std::to_string(i)] = *x;
    } else if (v.is_object()) {
        for (const auto& kv : v.get_object()) {
            auto x = read(kv.value());
            if (!x)
                shape.fail("product " + id + " key " + std::string(kv.key()) + " is not a value");
            else
                out[std::string(kv.key())] = *x;
            if (kv.value().is_string()) shape.note("product " + id + " value is a string");
        }
    } else {
        shape.fail("product " + id + " is " + describe_json_type(v));
        return false;
    }
    if (!out.count("0")) key0.fail("product " + id + " has no key \"0\"");
    return true;
}

template <class T, class Read>
void sweep(Checker& checker, const std::string& action,
           std::map<std::string, std::map<std::string, T>>& out, Read read, Findings& shape,
           Findings& key0) {
    std::int64_t pages = 1;
    for (std::int64_t page = 1; page <= pages && page <= kMaxPages; ++page) {
        const Reply reply = checker.call(action, {{"page", std::to_string(page)}});
        const auto v = parse_json(reply.body);
        const auto map = v ? read_paged_map(*v) : std::nullopt;
        if (!map) {
            shape.fail(action + " page " + std::to_string(page) + " is not a map");
            return;
        }
        if (map->empty_list) return;
        if (!map->pages)
            shape.fail(action + " page " + std::to_string(page) + " has no \"pages\"");
        else
            pages = *map->pages;
        for (const auto& [id, value] : map->entries) {
            if (out.count(id)) shape.fail(action + ": product " + id + " on two pages");
            read_entry(id, value, out[id], read, shape, key0);
        }
    }
}

void compare_ids(const Snapshot& snap, Findings& f) {
    for (const auto& [id, p] : snap.products) {
        const auto q = snap.quantities.find(id);
        const auto pr = snap.prices.find(id);
        if (q == snap.quantities.end())
            f.fail("product " + id + " missing from ProductsQuantity");
        else if (q->second.count("0") && q->second.at("0") != p.quantity)
            f.fail("product " + id + " quantity " + std::to_string(p.quantity) +
                   " in ProductsList, " + std::to_string(q->second.at("0")) +
                   " in ProductsQuantity");
        if (pr == snap.prices.end())
            f.fail("product " + id + " missing from ProductsPrices");
        else if (pr->second.count("0") && pr->second.at("0") != p.price)
            f.fail("product " + id + " price " + p.price.format() + " in ProductsList, " +
                   pr->second.at("0").format() + " in ProductsPrices");
        const auto* d = snap.data.if_contains(id);
        if (!d || !d->is_object()) continue;
        const auto* dq = d->get_object().if_contains("quantity");
        if (dq && as_int(*dq) != p.quantity)
            f.fail("product " + id + " quantity differs in ProductsData");
        const auto* dp = d->get_object().if_contains("price");
        if (dp && as_money(*dp) != p.price)
            f.fail("product " + id + " price differs in ProductsData");
        const auto* vars = d->get_object().if_contains("variants");
        if (!vars || !vars->is_object() || q == snap.quantities.end()) continue;
        for (const auto& kv : vars->get_object()) {
            const auto* vq =
                kv.value().is_object() ? kv.value().get_object().if_contains("quantity") : nullptr;
            const auto it = q->second.find(std::string(kv.key()));
            if (it == q->second.end())
                f.fail("variant " + std::string(kv.key()) + " missing from ProductsQuantity");
            else if (vq && as_int(*vq) != it->second)
                f.fail("variant " + std::string(kv.key()) + " quantity differs");
        }
    }
    for (const auto& kv : snap.quantities)
        if (!snap.products.count(kv.first))
            f.fail("ProductsQuantity has product " + kv.first + " not listed");
    for (const auto& kv : snap.prices)
        if (!snap.products.count(kv.first))
            f.fail("ProductsPrices has product " + kv.first + " not listed");
}

void check_stock_rule(const Snapshot& snap, Findings& key0) {
    for (const auto& [id, q] : snap.quantities) {
        if (q.size() < 2 || !q.count("0")) continue;
        std::int64_t sum = 0;
        for (const auto& kv : q)
            if (kv.first != "0") sum += kv.second;
        if (q.at("0") != sum)
            key0.fail("product " + id + " key 0 = " + std::to_string(q.at("0")) +
                      ", variants sum to " + std::to_string(sum));
    }
}

void check_named_list(Checker& checker, const std::string& action, const std::string& id,
                      std::set<std::string>& out) {
    Findings f;
    const auto v = checker.call_json(action);
    if (!v || is_error_envelope(*v) || !(v->is_object() || is_empty_map(*v)))
        f.fail(action + " is not a map");
    else if (v->is_object())
        for (const auto& kv : v->get_object()) {
            out.insert(std::string(kv.key()));
            if (!kv.value().is_string())
                f.fail("entry " + std::string(kv.key()) + " is not a name string");
        }
    checker.record(id, action + " -> {id: name}", f);
}

}  // namespace

void check_catalog_stock(Checker& checker, Snapshot& snap) {
    Findings shape, key0, ids;
    sweep(
        checker, "ProductsQuantity", snap.quantities,
        [](const json::value& v) { return as_int(v); }, shape, key0);
    sweep(
        checker, "ProductsPrices", snap.prices, [](const json::value& v) { return as_money(v); },
        shape, key0);
    checker.record("catalog.stock_prices.shape",
                   "ProductsQuantity / ProductsPrices pages and value types", shape);
    check_stock_rule(snap, key0);
    checker.record("catalog.key0", "key \"0\" present, an object, = sum of variants (stock rule)",
                   key0);
    compare_ids(snap, ids);
    checker.record("catalog.ids_consistent",
                   "ids, quantities and prices agree across ProductsList/Data/Quantity/Prices",
                   ids);
    check_named_list(checker, "StatusesList", "lists.statuses", snap.statuses);
    check_named_list(checker, "DeliveryMethodsList", "lists.delivery", snap.deliveries);
    check_named_list(checker, "PaymentMethodsList", "lists.payment", snap.payments);
}

}  // namespace blsim
