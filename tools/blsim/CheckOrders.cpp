// OrdersGet reads (docs/protocol.md §3.1): shape, id_from strict, time_from, only_paid, order_id,
// totals, ids that are keys of the *List actions.
#include "blsim/Check.h"
#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr int kMaxPages = 500;

// All orders matching `fields`, every page, in answer order.
std::vector<std::pair<std::string, json::object>> fetch_orders(Checker& checker,
                                                               const Fields& fields, Findings& f) {
    std::vector<std::pair<std::string, json::object>> out;
    std::int64_t pages = 1;
    for (std::int64_t page = 1; page <= pages && page <= kMaxPages; ++page) {
        Fields all = fields;
        all["page"] = std::to_string(page);
        const auto v = checker.call_json("OrdersGet", all);
        const auto map = v ? read_paged_map(*v) : std::nullopt;
        if (!map) {
            f.fail("OrdersGet page " + std::to_string(page) + " is not an order map");
            break;
        }
        if (map->empty_list) break;
        if (!map->pages)
            f.fail("OrdersGet page without \"pages\"");
        else
            pages = *map->pages;
        for (const auto& [id, value] : map->entries) {
            if (!value.is_object())
                f.fail("order " + id + " is not an object");
            else
                out.emplace_back(id, value.get_object());
        }
    }
    return out;
}

std::int64_t num(const std::string& id) {
    return std::stoll(id);
}

void check_order_shape(const std::string& id, const json::object& o, const Snapshot& snap,
                       Findings& shape, Findings& totals, Findings& lists) {
    for (const char* key : {"delivery_fullname", "delivery_address", "delivery_city",
                            "delivery_postcode", "delivery_country_code", "invoice_fullname",
                            "phone", "email", "currency", "payment_method", "delivery_method"})
        if (!o.contains(key) || !o.at(key).is_string())
            shape.fail("order " + id + " \"" + key + "\" missing or not a string");
    for (const char* key :
         {"date_add", "paid", "status_id", "payment_method_id", "delivery_method_id"})
        if (!o.contains(key)) shape.fail("order " + id + " has no \"" + key + "\"");
    const auto* products = o.if_contains("products");
    if (!products || !products->is_array()) {
        shape.fail("order " + id + " \"products\" is not an array");
        return;
    }
    core::Money total;
    for (const auto& line : products->get_array()) {
        const auto* l = line.if_object();
        const auto price = l && l->contains("price") ? as_money(l->at("price")) : std::nullopt;
        const auto qty = l && l->contains("quantity") ? as_int(l->at("quantity")) : std::nullopt;
        if (!price || !qty) {
            shape.fail("order " + id + " line without money price / integer quantity");
            continue;
        }
        total = total + *price * *qty;
    }
    const auto delivery =
        o.contains("delivery_price") ? as_money(o.at("delivery_price")) : std::nullopt;
    if (!delivery)
        totals.fail("order " + id + " delivery_price is not money");
    else
        total = total + *delivery;
    // The protocol has no total field; some connectors send one ("order_total"): compare if
    // present.
    for (const char* key : {"order_total", "total"})
        if (const auto* t = o.if_contains(key); t && as_money(*t) && *as_money(*t) != total)
            totals.fail("order " + id + " lines + delivery = " + total.format() + ", " + key +
                        " = " + as_money(*t)->format());
    auto in = [&](const char* key, const std::set<std::string>& keys, const char* list) {
        const auto* v = o.if_contains(key);
        const auto val = v ? as_id(*v) : std::nullopt;
        if (val && !keys.empty() && !keys.count(*val) && *val != "0")
            lists.fail("order " + id + " " + key + " " + *val + " is not a " + list + " key");
    };
    in("status_id", snap.statuses, "StatusesList");
    in("delivery_method_id", snap.deliveries, "DeliveryMethodsList");
    in("payment_method_id", snap.payments, "PaymentMethodsList");
}

void check_filters(Checker& checker, const std::vector<std::pair<std::string, json::object>>& all) {
    const std::string mid = all[all.size() / 2].first;
    Findings strict, time, paid, single, ignored;
    for (const auto& [id, o] : fetch_orders(checker, {{"id_from", mid}}, strict))
        if (num(id) <= num(mid)) strict.fail("order " + id + " returned for id_from=" + mid);
    std::size_t expected = 0;
    for (const auto& kv : all) expected += num(kv.first) > num(mid);
    if (fetch_orders(checker, {{"id_from", mid}}, ignored).size() != expected)
        strict.fail("id_from=" + mid + " did not return every later order");
    checker.record("orders.get.id_from_strict", "id_from is strictly greater, none missing",
                   strict);

    const auto t = as_int(all[all.size() / 2].second.at("date_add")).value_or(0);
    for (const auto& [id, o] : fetch_orders(checker, {{"time_from", std::to_string(t)}}, time))
        if (as_int(o.at("date_add")).value_or(0) < t)
            time.fail("order " + id + " is older than time_from");
    checker.record("orders.get.time_from", "time_from: date_add >= time_from", time);

    for (const auto& [id, o] : fetch_orders(checker, {{"only_paid", "1"}}, paid))
        if (!o.contains("paid") || as_int(o.at("paid")) != 1)
            paid.fail("unpaid order " + id + " with only_paid=1");
    checker.record("orders.get.only_paid", "only_paid=1 returns paid orders only", paid);

    const auto one = fetch_orders(checker, {{"order_id", mid}}, single);
    if (one.size() != 1 || one.front().first != mid)
        single.fail("order_id=" + mid + " did not return exactly it");
    const auto none = checker.call_json("OrdersGet", {{"order_id", "987654321"}});
    if (!none || !is_empty_map(*none)) single.fail("unknown order_id is not []");
    checker.record("orders.get.order_id", "order_id returns that order; unknown -> []", single);
}

}  // namespace

void check_orders(Checker& checker, Snapshot& snap) {
    Findings shape, totals, lists;
    const auto all = fetch_orders(checker, {}, shape);
    for (std::size_t i = 0; i < all.size(); ++i) {
        snap.order_ids.push_back(all[i].first);
        if (i > 0 && num(all[i].first) <= num(all[i - 1].first))
            shape.fail("orders not ascending by id");
        check_order_shape(all[i].first, all[i].second, snap, shape, totals, lists);
    }
    checker.record("orders.get.shape", "OrdersGet: ascending, fields and types of orders and lines",
                   shape);
    checker.record("orders.get.totals", "line prices x quantities + delivery_price are exact money",
                   totals);
    checker.record("orders.get.ids_in_lists",
                   "status/delivery/payment ids are keys of the *List actions", lists);
    if (all.size() < 2) {
        for (const char* id : {"orders.get.id_from_strict", "orders.get.time_from",
                               "orders.get.only_paid", "orders.get.order_id"})
            checker.skip(id, "OrdersGet filter", "fewer than 2 orders in the shop");
        return;
    }
    check_filters(checker, all);
}

}  // namespace blsim
