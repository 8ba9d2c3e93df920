#include "blsim/SyncCatalog.h"

#include <boost/json.hpp>
#include <set>

#include "blsim/Json.h"
#include "blsim/Progress.h"
#include "blsim/SyncCall.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxPages = 100000;  // bound on any paged sweep
constexpr std::size_t kDataBatch = 100;     // what BaseLinker sends per ProductsData

std::string str_of(const json::object& obj, const char* key) {
    const auto* v = obj.if_contains(key);
    if (!v) return "";
    if (v->is_string()) return std::string(v->get_string());
    if (auto id = as_id(*v)) return *id;
    if (v->is_double()) return json::serialize(*v);
    return "";
}

core::Money money_of(const json::object& obj, const char* key) {
    const auto* v = obj.if_contains(key);
    if (!v) return {};
    return as_money(*v).value_or(core::Money{});
}

// Calls `action` for pages 1..pages and hands each page's object (without "pages") to `take`.
template <typename Take>
std::int64_t for_each_page(Client& client, bool progress, const std::string& label,
                           const std::string& action, Take take) {
    Progress bar(progress, label, 1);
    std::int64_t pages = 1;
    for (std::int64_t page = 1; page <= pages && page <= kMaxPages; ++page) {
        json::value answer = call_json(client, action, {{"page", std::to_string(page)}});
        if (page == 1) {
            pages = pages_of(answer);
            bar.set_total(static_cast<std::uint64_t>(pages));
        }
        if (!answer.is_object()) break;  // [] : nothing (more)
        for (const auto& [key, value] : answer.get_object())
            if (key != "pages") take(std::string(key), value);
        bar.advance();
    }
    return pages;
}

void add_items(const std::string& id, const json::object& product, Catalog& catalog) {
    const auto* variants = product.if_contains("variants");
    if (variants && variants->is_object() && !variants->get_object().empty()) {
        for (const auto& [vid, v] : variants->get_object()) {
            if (!v.is_object()) continue;
            const auto& var = v.get_object();
            catalog.items.push_back({id, std::string(vid), str_of(var, "full_name"),
                                     str_of(var, "sku"), str_of(var, "ean"), str_of(product, "tax"),
                                     money_of(var, "price")});
        }
        return;
    }
    catalog.items.push_back({id, "0", str_of(product, "name"), str_of(product, "sku"),
                             str_of(product, "ean"), str_of(product, "tax"),
                             money_of(product, "price")});
}

}  // namespace

std::string sync_categories(Client& client, bool progress, Catalog& catalog) {
    Progress bar(progress, "categories", 1);
    json::value answer = call_json(client, "ProductsCategories");
    catalog.categories = answer.is_object() ? answer.get_object().size() : 0;
    bar.advance();
    return std::to_string(catalog.categories) + " categories";
}

std::string sync_list(Client& client, bool progress, Catalog& catalog) {
    std::set<std::string> seen;
    std::size_t duplicates = 0;
    const auto pages = for_each_page(client, progress, "products", "ProductsList",
                                     [&](const std::string& id, const json::value&) {
                                         if (!seen.insert(id).second)
                                             ++duplicates;
                                         else
                                             catalog.product_ids.push_back(id);
                                     });
    if (duplicates) throw SyncError("ProductsList: " + std::to_string(duplicates) + " duplicates");
    return std::to_string(catalog.product_ids.size()) + " products in " + std::to_string(pages) +
           " pages";
}

std::string sync_data(Client& client, bool progress, Catalog& catalog) {
    const auto& ids = catalog.product_ids;
    Progress bar(progress, "product data", (ids.size() + kDataBatch - 1) / kDataBatch);
    std::size_t got = 0;
    for (std::size_t at = 0; at < ids.size(); at += kDataBatch) {
        std::string list;
        for (std::size_t i = at; i < ids.size() && i < at + kDataBatch; ++i)
            list += (list.empty() ? "" : ",") + ids[i];
        json::value answer = call_json(client, "ProductsData", {{"products_id", list}});
        if (answer.is_object()) {
            for (const auto& [id, product] : answer.get_object()) {
                if (!product.is_object()) continue;
                ++got;
                add_items(std::string(id), product.get_object(), catalog);
            }
        }
        bar.advance();
    }
    if (got != ids.size())
        throw SyncError("ProductsData: " + std::to_string(got) + " of " +
                        std::to_string(ids.size()) + " listed products returned");
    return std::to_string(got) + " products, " + std::to_string(catalog.items.size()) +
           " orderable units";
}

std::string sweep_stock(Client& client, bool progress, StockMap& stock) {
    stock.clear();
    const auto pages =
        for_each_page(client, progress, "stock", "ProductsQuantity",
                      [&](const std::string& id, const json::value& entry) {
                          if (!entry.is_object()) return;
                          for (const auto& [vid, qty] : entry.get_object())
                              stock[{id, std::string(vid)}] = as_int(qty).value_or(-1);
                      });
    return std::to_string(stock.size()) + " stock entries in " + std::to_string(pages) + " pages";
}

std::string sync_prices(Client& client, bool progress, Catalog& catalog) {
    std::size_t differ = 0;
    std::map<StockKey, core::Money> data_prices;
    for (const auto& item : catalog.items)
        data_prices[{item.product_id, item.variant_id}] = item.price;
    const auto pages = for_each_page(client, progress, "prices", "ProductsPrices",
                                     [&](const std::string& id, const json::value& entry) {
                                         if (!entry.is_object()) return;
                                         for (const auto& [vid, price] : entry.get_object()) {
                                             const StockKey key{id, std::string(vid)};
                                             const core::Money money =
                                                 as_money(price).value_or(core::Money{});
                                             catalog.prices[key] = money;
                                             auto it = data_prices.find(key);
                                             if (it != data_prices.end() && it->second != money)
                                                 ++differ;
                                         }
                                     });
    if (differ)
        throw SyncError("ProductsPrices: " + std::to_string(differ) +
                        " prices differ from ProductsData");
    return std::to_string(catalog.prices.size()) + " prices in " + std::to_string(pages) + " pages";
}

}  // namespace blsim
