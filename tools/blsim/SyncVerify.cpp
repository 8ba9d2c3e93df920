#include "blsim/SyncVerify.h"

#include <boost/json.hpp>
#include <map>

#include "blsim/Json.h"
#include "blsim/Progress.h"
#include "blsim/SyncCall.h"

namespace blsim {

namespace json = boost::json;

namespace {

// Pushed fields that OrdersGet does not echo (or that the updates changed afterwards).
const std::set<std::string> kNotEchoed = {"previous_order_id",
                                          "baselinker_id",
                                          "change_products_quantity",
                                          "transaction_id",
                                          "service_account",
                                          "client_login",
                                          "status_id",
                                          "paid",
                                          "date_add",
                                          "products"};

const std::set<std::string> kMoneyFields = {"delivery_price"};

std::string shown(const json::value* v) {
    return v ? json::serialize(*v) : "(missing)";
}

// Whether the shop's value means the text that was pushed (tolerating numbers-as-strings).
bool same(const std::string& expected, const json::value* v, bool money) {
    if (!v) return false;
    if (money) {
        auto e = core::Money::parse(expected);
        auto a = as_money(*v);
        return e && a && *e == *a;
    }
    if (v->is_string()) return v->get_string() == expected;
    if (v->is_int64() || v->is_uint64()) {
        auto a = as_int(*v);
        return a && std::to_string(*a) == expected;
    }
    return false;
}

void expect(Problems& p, const std::string& where, const std::string& key,
            const std::string& expected, const json::object& obj, bool money = false) {
    const auto* v = obj.if_contains(key);
    if (!same(expected, v, money))
        p.push_back(where + " " + key + ": pushed \"" + expected + "\", shop has " + shown(v));
}

void check_lines(Problems& p, const std::string& where, const std::vector<OrderLine>& lines,
                 const json::object& order) {
    const auto* products = order.if_contains("products");
    if (!products || !products->is_array()) {
        p.push_back(where + " products: not an array: " + shown(products));
        return;
    }
    const auto& got = products->get_array();
    if (got.size() != lines.size()) {
        p.push_back(where + " products: pushed " + std::to_string(lines.size()) +
                    " lines, shop has " + std::to_string(got.size()));
        return;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!got[i].is_object()) continue;
        const auto& line = got[i].get_object();
        const auto& it = lines[i].item;
        const std::string at = where + " line " + std::to_string(i + 1);
        expect(p, at, "id", it.product_id, line);
        expect(p, at, "variant_id", it.variant_id, line);
        expect(p, at, "name", it.name, line);
        expect(p, at, "sku", it.sku, line);
        expect(p, at, "ean", it.ean, line);
        expect(p, at, "quantity", std::to_string(lines[i].quantity), line);
        expect(p, at, "price", it.price.format(), line, true);
    }
}

void check_order(Problems& p, const AddedOrder& a, const json::object& order) {
    const std::string where = "order " + a.order_id;
    for (const auto& [key, value] : a.pushed.fields)
        if (!kNotEchoed.count(key))
            expect(p, where, key, value, order, kMoneyFields.count(key) > 0);
    check_lines(p, where, a.pushed.lines, order);
    if (!a.status_id.empty()) expect(p, where, "status_id", a.status_id, order);
    if (!a.tracking.empty()) {
        expect(p, where, "delivery_package_nr", a.tracking, order);
        expect(p, where, "delivery_package_module", a.carrier, order);
    }
    if (!a.paid.empty()) expect(p, where, "paid", a.paid, order);
}

}  // namespace

std::string verify_orders(Client& client, bool progress, const SyncState& state,
                          Problems& problems) {
    Progress bar(progress, "verify orders", state.orders.size());
    const std::size_t before = problems.size();
    for (const auto& a : state.orders) {
        json::value answer = call_json(client, "OrdersGet", {{"order_id", a.order_id}});
        const auto* order =
            answer.is_object() ? answer.get_object().if_contains(a.order_id) : nullptr;
        if (!order || !order->is_object())
            problems.push_back("order " + a.order_id + ": OrdersGet order_id does not return it");
        else
            check_order(problems, a, order->get_object());
        bar.advance();
    }
    const std::size_t bad = problems.size() - before;
    return std::to_string(state.orders.size()) + " orders read back, " + std::to_string(bad) +
           " differences";
}

std::string verify_stock(Client& client, bool progress, const StockMap& before,
                         const StockMap& ordered, Problems& problems) {
    StockMap after;
    sweep_stock(client, progress, after);
    StockMap expected;
    for (const auto& [key, qty] : ordered) {
        expected[key] += qty;
        if (key.second != "0") expected[{key.first, "0"}] += qty;  // the product's sum
    }
    std::size_t bad = 0;
    for (const auto& [key, qty] : expected) {
        const auto b = before.find(key);
        const auto a = after.find(key);
        const std::string name = "stock " + key.first + "/" + key.second;
        if (b == before.end() || a == after.end()) {
            problems.push_back(name + ": missing from ProductsQuantity");
            ++bad;
        } else if (a->second != b->second - qty) {
            problems.push_back(name + ": before " + std::to_string(b->second) + ", ordered " +
                               std::to_string(qty) + ", after " + std::to_string(a->second) +
                               " (expected " + std::to_string(b->second - qty) + ")");
            ++bad;
        }
    }
    return std::to_string(expected.size()) + " stock entries checked, " + std::to_string(bad) +
           " wrong";
}

std::string verify_poll(const SyncState& state, const std::string& previous_id_from,
                        std::size_t previous_orders, const std::set<std::string>& seen,
                        Problems& problems) {
    const auto after = [&](const std::string& id) {
        return id.size() != previous_id_from.size() ? id.size() > previous_id_from.size()
                                                    : id > previous_id_from;
    };
    std::size_t expected = 0, missing = 0;
    for (std::size_t i = 0; i < previous_orders && i < state.orders.size(); ++i) {
        const std::string& id = state.orders[i].order_id;
        if (!after(id)) continue;
        ++expected;
        if (!seen.count(id)) {
            problems.push_back("order " + id + ": added earlier, above id_from " +
                               previous_id_from + ", but not returned by the incremental poll");
            ++missing;
        }
    }
    return std::to_string(expected) + " earlier orders expected in the poll, " +
           std::to_string(missing) + " missing";
}

}  // namespace blsim
