#include "blsim/Orders.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

#include "blsim/OrdersBuyer.h"

namespace blsim {

namespace {

constexpr int kMaxLines = 5;
constexpr int kPickAttempts = 60;  // bounded search for in-stock units

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& name, std::initializer_list<const char*> words) {
    const std::string l = lower(name);
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return l.find(w) != std::string::npos; });
}

template <typename Map>
std::string pick_key(Rng& rng, const Map& map) {
    if (map.empty()) return "";
    auto it = map.begin();
    std::advance(it, static_cast<long>(rng.below(map.size())));
    return it->first;
}

std::string hex(Rng& rng, int n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < n; ++i) out += kHex[rng.below(16)];
    return out;
}

void pick_lines(Rng& rng, const Catalog& catalog, StockMap& left, SimOrder& order) {
    const int want = 1 + static_cast<int>(rng.below(kMaxLines));
    for (int attempt = 0; attempt < kPickAttempts && static_cast<int>(order.lines.size()) < want;
         ++attempt) {
        const CatalogItem& item = rng.pick(catalog.items);
        auto stock = left.find({item.product_id, item.variant_id});
        if (stock == left.end() || stock->second < 1 || item.price <= core::Money{}) continue;
        const bool dup = std::any_of(order.lines.begin(), order.lines.end(), [&](const auto& l) {
            return l.item.product_id == item.product_id && l.item.variant_id == item.variant_id;
        });
        if (dup) continue;
        const auto qty = std::min<std::int64_t>(stock->second, 1 + rng.below(3));
        stock->second -= qty;
        order.lines.push_back({item, qty});
    }
}

void pick_methods(Rng& rng, const ShopLists& lists, Fields& f) {
    const std::string delivery = pick_key(rng, lists.delivery);
    f["delivery_method_id"] = delivery;
    f["delivery_method"] = delivery.empty() ? "" : lists.delivery.at(delivery);
    static const std::vector<std::string> kDeliveryPrices = {"0.00", "9.99", "11.99", "13.49",
                                                             "16.90"};
    f["delivery_price"] = rng.pick(kDeliveryPrices);
    for (const char* k : {"delivery_point_id", "delivery_point_name", "delivery_point_address",
                          "delivery_point_postcode", "delivery_point_city"})
        f[k] = "";
    if (is_locker_delivery(f["delivery_method"])) fill_locker(rng, f);
    const std::string payment = pick_key(rng, lists.payment);
    const std::string name = payment.empty() ? "" : lists.payment.at(payment);
    const bool cod = is_cod_payment(name);
    f["payment_method_id"] = payment;
    f["payment_method"] = name;
    f["payment_method_cod"] = cod ? "1" : "0";
    f["paid"] = cod ? "0" : "1";
    for (const auto& [id, status] : lists.statuses) {
        if (is_cancel_status(status) || is_hold_status(status)) continue;
        f["status_id"] = id;  // the first ordinary status: a new order
        break;
    }
}

}  // namespace

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

bool is_cod_payment(const std::string& name) {
    return contains(name, {"pobrani", "cod", "cash on"});
}
bool is_locker_delivery(const std::string& name) {
    return contains(name, {"paczkomat", "locker", "orlen paczka", "automat"});
}
bool is_cancel_status(const std::string& name) {
    return contains(name, {"anul", "cancel", "zwrot", "return", "refund"});
}
bool is_hold_status(const std::string& name) {
    return contains(name, {"wymaga uwagi", "needs attention", "on hold", "wstrzyma"});
}

SimOrder make_order(Rng& rng, const std::string& baselinker_id, const Catalog& catalog,
                    const ShopLists& lists, StockMap& stock_left) {
    SimOrder order;
    if (catalog.items.empty()) return order;
    pick_lines(rng, catalog, stock_left, order);
    Fields& f = order.fields;
    f["previous_order_id"] = "";
    f["baselinker_id"] = baselinker_id;
    fill_buyer(rng, f);
    pick_methods(rng, lists, f);
    f["currency"] = "PLN";
    f["change_products_quantity"] = "1";
    f["transaction_id"] = hex(rng, 8) + "-" + hex(rng, 4) + "-" + hex(rng, 4) + "-" + hex(rng, 4) +
                          "-" + hex(rng, 12);
    f["service_account"] = "21344";
    return order;
}

Fields order_add_form(const SimOrder& order) {
    boost::json::array products;
    for (const auto& line : order.lines) {
        const auto& it = line.item;
        products.push_back(boost::json::object{{"id", it.product_id},
                                               {"variant_id", it.variant_id},
                                               {"sku", it.sku},
                                               {"ean", it.ean},
                                               {"name", it.name},
                                               {"price", it.price.format()},
                                               {"quantity", std::to_string(line.quantity)},
                                               {"tax", it.tax},
                                               {"auction_id", ""},
                                               {"attributes", boost::json::array{}}});
    }
    Fields form = order.fields;
    form["products"] = boost::json::serialize(products);
    return form;
}

}  // namespace blsim
