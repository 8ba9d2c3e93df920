#pragma once
// The catalogue half of a sync cycle, as BaseLinker reads a shop: categories, every ProductsList
// page, ProductsData in batches of 100, and full stock and price sweeps. Each function is one
// phase; it throws SyncError when the shop does not answer properly and returns a one-line result.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "blsim/Client.h"
#include "core/Money.h"

namespace blsim {

// One orderable unit: a product without variants (variant_id "0") or one variant.
struct CatalogItem {
    std::string product_id, variant_id, name, sku, ean, tax;
    core::Money price;
};

using StockKey = std::pair<std::string, std::string>;  // product id, variant id ("0" = base)
using StockMap = std::map<StockKey, std::int64_t>;

struct Catalog {
    std::size_t categories = 0;
    std::vector<std::string> product_ids;    // ProductsList order, every page
    std::vector<CatalogItem> items;          // from ProductsData
    StockMap stock;                          // from the ProductsQuantity sweep
    std::map<StockKey, core::Money> prices;  // from the ProductsPrices sweep
};

std::string sync_categories(Client& client, bool progress, Catalog& catalog);
std::string sync_list(Client& client, bool progress, Catalog& catalog);
std::string sync_data(Client& client, bool progress, Catalog& catalog);
std::string sync_prices(Client& client, bool progress, Catalog& catalog);
// Every ProductsQuantity page into `stock`; also used after the orders for the stock check.
std::string sweep_stock(Client& client, bool progress, StockMap& stock);

}  // namespace blsim
