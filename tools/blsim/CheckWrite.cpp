// --write checks (docs/protocol.md §2.7 *Update, §3.2 OrderAdd, §3.3 OrderUpdate): every change
// is read back through the read actions, and stock and prices are restored afterwards.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>

#include "blsim/Check.h"
#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

namespace {

struct Pick {
    std::string id;
    ListedProduct product;
};

// A product without variants (so variant 0 carries the stock) and with some stock.
std::optional<Pick> pick_product(const Snapshot& snap) {
    for (const auto& [id, q] : snap.quantities)
        if (q.size() == 1 && q.count("0") && q.at("0") >= 5 && snap.products.count(id))
            return Pick{id, snap.products.at(id)};
    return std::nullopt;
}

std::optional<ListedProduct> read_back(Checker& checker, const std::string& id) {
    const auto v = checker.call_json("ProductsList", {{"filter_id", id}});
    const auto* p = v && v->is_object() ? v->get_object().if_contains(id) : nullptr;
    if (!p || !p->is_object()) return std::nullopt;
    ListedProduct out;
    const auto q = as_int(p->get_object().at("quantity"));
    const auto m = as_money(p->get_object().at("price"));
    if (!q || !m) return std::nullopt;
    out.quantity = *q;
    out.price = *m;
    return out;
}

std::int64_t counter(const std::optional<json::value>& v) {
    const auto* c = v && v->is_object() ? v->get_object().if_contains("counter") : nullptr;
    return c ? as_int(*c).value_or(-1) : -1;
}

bool set_quantity(Checker& checker, const std::string& id, std::int64_t q, const char* op = "set") {
    json::array products{
        json::object{{"product_id", id}, {"variant_id", "0"}, {"operation", op}, {"quantity", q}}};
    return counter(checker.call_json("ProductsQuantityUpdate",
                                     {{"products", json::serialize(products)}})) == 1;
}

void check_quantity_update(Checker& checker, const Pick& p) {
    Findings f;
    const std::int64_t q0 = p.product.quantity;
    if (!set_quantity(checker, p.id, q0 + 7)) f.fail("set: counter is not 1");
    auto back = read_back(checker, p.id);
    if (!back || back->quantity != q0 + 7)
        f.fail("set " + std::to_string(q0 + 7) + " not read back");
    if (!set_quantity(checker, p.id, -2, "change")) f.fail("change: counter is not 1");
    back = read_back(checker, p.id);
    if (!back || back->quantity != q0 + 5)
        f.fail("change -2 not read back as " + std::to_string(q0 + 5));
    if (!set_quantity(checker, p.id, q0) ||
        read_back(checker, p.id).value_or(ListedProduct{}).quantity != q0)
        f.fail("original quantity not restored");
    checker.record("write.quantity_update",
                   "ProductsQuantityUpdate set/change read back, then restored", f);
}

// What BaseLinker's PHP may send and its own integration files accept: `products` as an object
// (json_encode of a list with gaps) and an integer written "N.0". A connector that refuses it
// would refuse BaseLinker's own traffic.
void check_php_quantity_update(Checker& checker, const Pick& p) {
    Findings f;
    const std::int64_t q = p.product.quantity + 4;
    json::object products{{"5", json::object{{"product_id", p.id},
                                             {"variant_id", 0},
                                             {"operation", "set"},
                                             {"quantity", std::to_string(q) + ".0"}}}};
    if (counter(checker.call_json("ProductsQuantityUpdate",
                                  {{"products", json::serialize(products)}})) != 1)
        f.fail("counter is not 1 for an object of entries with quantity \"" + std::to_string(q) +
               ".0\"");
    else if (read_back(checker, p.id).value_or(ListedProduct{}).quantity != q)
        f.fail("quantity " + std::to_string(q) + " not read back");
    if (!set_quantity(checker, p.id, p.product.quantity)) f.fail("original quantity not restored");
    checker.record("write.php_encodings",
                   "ProductsQuantityUpdate with products as an object and quantity \"N.0\"", f);
}

bool set_price(Checker& checker, const std::string& id, core::Money price) {
    // The price goes as a JSON string: exact, as BaseLinker may send it.
    json::array products{
        json::object{{"product_id", id}, {"variant_id", "0"}, {"price", price.format()}}};
    return counter(checker.call_json("ProductsPriceUpdate",
                                     {{"products", json::serialize(products)}})) == 1;
}

void check_price_update(Checker& checker, const Pick& p) {
    Findings f;
    const core::Money changed = p.product.price + core::Money::from_minor(111);
    if (!set_price(checker, p.id, changed)) f.fail("counter is not 1");
    const auto back = read_back(checker, p.id);
    if (!back || back->price != changed) f.fail("price " + changed.format() + " not read back");
    if (!set_price(checker, p.id, p.product.price) ||
        read_back(checker, p.id).value_or(ListedProduct{}).price != p.product.price)
        f.fail("original price not restored");
    checker.record("write.price_update", "ProductsPriceUpdate read back, then restored", f);
}

std::string first_key(const std::set<std::string>& keys) {
    return keys.empty() ? "" : *keys.begin();
}

Fields order_fields(const Snapshot& snap, const Pick& p, const std::string& bl_id,
                    std::int64_t qty) {
    json::array lines{json::object{{"id", p.id},
                                   {"variant_id", "0"},
                                   {"name", p.product.name},
                                   {"sku", p.product.sku},
                                   {"ean", p.product.ean},
                                   {"price", p.product.price.format()},
                                   {"quantity", std::to_string(qty)},
                                   {"tax", "23"},
                                   {"auction_id", ""},
                                   {"attributes", json::array{}}}};
    return {{"baselinker_id", bl_id},
            {"previous_order_id", ""},
            {"delivery_fullname", "Jan Testowy"},
            {"delivery_address", "ul. Próbna 1"},
            {"delivery_city", "Łódź"},
            {"delivery_postcode", "90-001"},
            {"delivery_country", "Polska"},
            {"delivery_country_code", "PL"},
            {"invoice_fullname", "Jan Testowy"},
            {"email", "blsim@example.invalid"},
            {"phone", "+48 500 000 000"},
            {"delivery_method", "Kurier"},
            {"delivery_method_id", first_key(snap.deliveries)},
            {"delivery_price", "12.99"},
            {"payment_method", "Przelew"},
            {"payment_method_id", first_key(snap.payments)},
            {"payment_method_cod", "0"},
            {"paid", "0"},
            {"currency", "PLN"},
            {"status_id", first_key(snap.statuses)},
            {"change_products_quantity", "1"},
            {"products", json::serialize(lines)}};
}

std::string order_id(const std::optional<json::value>& v) {
    const auto* o = v && v->is_object() ? v->get_object().if_contains("order_id") : nullptr;
    return o ? as_id(*o).value_or("") : "";
}

std::optional<json::object> get_order(Checker& checker, const std::string& id) {
    const auto v = checker.call_json("OrdersGet", {{"order_id", id}});
    const auto* o = v && v->is_object() ? v->get_object().if_contains(id) : nullptr;
    if (!o || !o->is_object()) return std::nullopt;
    return o->get_object();
}

void check_order_update(Checker& checker, const Snapshot& snap, const std::string& oid) {
    const auto update = [&](const std::string& type, const std::string& value, Fields extra = {}) {
        extra["orders_ids"] = oid;
        extra["update_type"] = type;
        extra["update_value"] = value;
        return counter(checker.call_json("OrderUpdate", extra)) == 1;
    };
    const auto field = [&](const char* key) {
        const auto o = get_order(checker, oid);
        return o && o->contains(key) ? as_id(o->at(key)).value_or("") : std::string("(missing)");
    };
    Findings status;
    // The last statuses, different from the order's: a shop may refuse a status it reserves
    // (blconnect's "needs attention" is set by its order inbox only), so up to three are tried
    // and one must be read back.
    const std::string current = field("status_id");
    std::vector<std::string> tried;
    bool read_back = false;
    for (auto it = snap.statuses.rbegin(); it != snap.statuses.rend() && tried.size() < 3; ++it) {
        if (*it == current) continue;
        tried.push_back(*it);
        if (update("status", *it) && field("status_id") == *it) {
            read_back = true;
            break;
        }
    }
    if (snap.statuses.empty())
        status.fail("StatusesList is empty");
    else if (!read_back) {
        std::string names;
        for (const auto& t : tried) names += (names.empty() ? "" : ", ") + t;
        status.fail("no status read back (tried " + names + "; got " + field("status_id") + ")");
    }
    checker.record("orders.update.status", "OrderUpdate status read back through OrdersGet",
                   status);
    Findings tracking;
    if (!update("delivery_number", "BLSIM0001PL", {{"delivery_method_name", "InPost"}}) ||
        field("delivery_package_nr") != "BLSIM0001PL")
        tracking.fail("delivery_package_nr not read back");
    checker.record("orders.update.delivery_number",
                   "OrderUpdate delivery_number -> delivery_package_nr", tracking);
    Findings paid;
    if (!update("paid", "1") || field("paid") != "1") paid.fail("paid=1 not read back");
    if (!update("paid", "0") || field("paid") != "0") paid.fail("paid=0 not read back");
    checker.record("orders.update.paid", "OrderUpdate paid 1 then 0 read back", paid);
}

// OrderAdd as PHP may encode it: the lines as an object, quantity "2.0", the price with a third
// decimal zero, numbers as JSON numbers. The order must be stored with 2 units at that price.
void check_php_order_add(Checker& checker, const Snapshot& snap, const Pick& p,
                         const std::string& bl_id) {
    Findings f;
    Fields fields = order_fields(snap, p, bl_id, 2);
    fields["change_products_quantity"] = "0";
    json::object lines{{"3", json::object{{"id", std::stoll(p.id)},
                                          {"variant_id", 0},
                                          {"name", p.product.name},
                                          {"price", p.product.price.format() + "0"},
                                          {"quantity", "2.0"},
                                          {"tax", 23}}}};
    fields["products"] = json::serialize(lines);
    const std::string oid = order_id(checker.call_json("OrderAdd", fields));
    const auto o = oid.empty() ? std::nullopt : get_order(checker, oid);
    const auto* read = o && o->contains("products") ? o->at("products").if_array() : nullptr;
    if (oid.empty()) {
        f.fail("refused: no order_id in the answer");
    } else if (!read || read->size() != 1 || !(*read)[0].is_object()) {
        f.fail("order " + oid + " has not exactly its one line");
    } else {
        const auto& line = (*read)[0].get_object();
        if (as_int(line.at("quantity")) != 2) f.fail("quantity \"2.0\" not stored as 2");
        if (as_money(line.at("price")) != p.product.price)
            f.fail("price \"" + p.product.price.format() + "0\" not stored as " +
                   p.product.price.format());
    }
    checker.record("orders.add.php_encodings",
                   "OrderAdd with the lines as an object, quantity \"2.0\", a price \"N.NN0\"", f);
}

void check_orders_add(Checker& checker, Snapshot& snap, const Pick& p) {
    const std::int64_t q0 = p.product.quantity;
    // BaseLinker ids are integers; milliseconds keep repeated runs from colliding.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    const std::string bl_id = std::to_string(ms * 10);
    Findings add, once, replace;
    Fields fields = order_fields(snap, p, bl_id, 2);
    const std::string oid = order_id(checker.call_json("OrderAdd", fields));
    if (oid.empty())
        add.fail("no order_id in the answer");
    else if (read_back(checker, p.id).value_or(ListedProduct{}).quantity != q0 - 2)
        add.fail("stock did not drop by 2 (change_products_quantity=1)");
    if (!oid.empty() && !get_order(checker, oid))
        add.fail("order " + oid + " not visible through OrdersGet order_id");
    checker.record("orders.add.stock", "OrderAdd returns an id, the order is readable, stock drops",
                   add);
    if (oid.empty()) return;

    if (order_id(checker.call_json("OrderAdd", fields)) != oid)
        once.fail("re-send returned another order id");
    if (read_back(checker, p.id).value_or(ListedProduct{}).quantity != q0 - 2)
        once.fail("re-send changed the stock");
    checker.record("orders.add.exactly_once",
                   "same baselinker_id again -> same order id, stock unchanged", once);

    Fields again = order_fields(snap, p, bl_id, 3);
    again["previous_order_id"] = oid;
    if (order_id(checker.call_json("OrderAdd", again)) != oid)
        replace.fail("replacement returned another order id");
    if (read_back(checker, p.id).value_or(ListedProduct{}).quantity != q0 - 3)
        replace.fail("stock not corrected to " + std::to_string(q0 - 3));
    const auto o = get_order(checker, oid);
    const auto* lines = o && o->contains("products") ? o->at("products").if_array() : nullptr;
    if (!lines || lines->size() != 1 || !(*lines)[0].is_object() ||
        as_int((*lines)[0].get_object().at("quantity")) != 3)
        replace.fail("order lines not replaced in place");
    checker.record("orders.add.replace", "previous_order_id -> same id, content and stock replaced",
                   replace);

    check_order_update(checker, snap, oid);
    check_php_order_add(checker, snap, p, std::to_string(ms * 10 + 2));
    // A second order so that the OrdersGet filter checks have something to compare.
    order_id(checker.call_json("OrderAdd", order_fields(snap, p, std::to_string(ms * 10 + 1), 1)));
}

}  // namespace

void check_write(Checker& checker, Snapshot& snap) {
    const auto p = pick_product(snap);
    if (!p) {
        checker.skip("write.*", "write checks", "no product without variants and with stock >= 5");
        return;
    }
    check_quantity_update(checker, *p);
    check_php_quantity_update(checker, *p);
    check_price_update(checker, *p);
    check_orders_add(checker, snap, *p);
    Findings restore;
    if (!set_quantity(checker, p->id, p->product.quantity))
        restore.fail("could not restore the stock");
    checker.record("write.restore",
                   "stock of the product used restored with ProductsQuantityUpdate set", restore);
}

}  // namespace blsim
