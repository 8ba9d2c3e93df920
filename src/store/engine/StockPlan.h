#pragma once
// The stock rule of an order, without a database: what an order holds, what its lines want and
// what the catalogue has → how stock moves, what each line took and what it oversold. The store
// engine reads the three inputs (rows locked), applies the moves and writes the lines; every
// rule about "stock is taken once, never below 0, the shortfall is an oversell" lives here.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "store/CatalogTypes.h"

namespace store::engine {

// Where a line's stock lives: the product row (a product without variants, variant 0) or one
// variant. Ordered by product, then variant.
struct StockKey {
    Id product_id = 0;
    Id variant_id = 0;
    friend bool operator==(const StockKey&, const StockKey&) = default;
    friend auto operator<=>(const StockKey&, const StockKey&) = default;
};

using StockMap = std::map<StockKey, std::int64_t>;

// Units the lines bound to each key want, summed over the lines.
StockMap wanted_units(std::span<const std::optional<StockKey>> keys,
                      std::span<const std::int64_t> quantities);

struct StockPlan {
    StockMap holding;  // what the order holds per key afterwards
    StockMap moves;    // change of each key's stock (negative: taken from it); no zeros
};

// `held`: what the order holds now (nothing for a new order); `wanted`: what its lines want;
// `available`: each wanted key's stock now (a key missing from it has none). Taking more than
// is held takes at most what is available (the rest becomes oversold on the lines); wanting
// less than is held gives the surplus back. Without `take_stock` (OrderAdd's
// change_products_quantity = 0) nothing moves and the order keeps what it held.
StockPlan plan_stock(const StockMap& held, const StockMap& wanted, const StockMap& available,
                     bool take_stock);

// Everything `held` goes back to stock (a cancelled order).
StockMap return_all(const StockMap& held);

struct LineShare {
    std::int64_t taken = 0;
    std::int64_t oversold = 0;
};

// Shares each key's holding among its lines in order: a line takes what is left of its key's
// holding up to its quantity; with `count_oversold`, what it could not take is oversold.
// Unbound lines (nullopt) take nothing and oversell nothing.
std::vector<LineShare> share_lines(std::span<const std::optional<StockKey>> keys,
                                   std::span<const std::int64_t> quantities, StockMap holding,
                                   bool count_oversold);

}  // namespace store::engine
