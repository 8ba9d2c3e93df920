#pragma once
// Realistic marketplace orders for the order benchmark: Polish buyers, parcel lockers and
// couriers, 1-5 lines of real catalogue products (money as BaseLinker sends it, never taken from
// the catalogue), and their OrderAdd form.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "Client.h"
#include "store/Store.h"

namespace bench {

// One sellable item of the catalogue: a product without variants, or one variant.
struct SaleItem {
    store::Id product_id = 0;
    store::Id variant_id = 0;
    std::string name, sku, ean;
    core::Money price;
    std::int64_t tax_rate_bp = 2300;
};

// Up to `count` random items of the shop at `db` (read through the store API).
std::vector<SaleItem> sample_sale_items(store::Store& store, std::size_t count, std::uint64_t seed);

// A marketplace order of 1-5 lines with a unique BaseLinker id; takes stock.
store::OrderInput make_order(const std::vector<SaleItem>& items, std::int64_t baselinker_id,
                             std::mt19937_64& rng);

// The OrderAdd form BaseLinker would send for `order` (change_products_quantity=1).
Fields order_add_fields(const store::OrderInput& order);

}  // namespace bench
