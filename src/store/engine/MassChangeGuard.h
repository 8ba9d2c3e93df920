#pragma once
// The mass-change guard's rules, without a database (like StockPlan.h): what a batch from
// BaseLinker would do to the figures the store read (rows locked, in the batch's transaction)
// → whether it must be held, and why. docs/guard.md states the rules for shop owners.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>

#include "store/HeldTypes.h"

namespace store::engine {

struct Verdict {
    std::string rule;  // "zeroed_share" / "price_factor"
    std::int64_t tripped = 0, out_of = 0;
    std::string summary;  // for staff: "62 of 120 active products would be set to 0"
};

// Whether a rule can trip on a batch of `entries` at all (the figures need not be read if not).
bool zeroed_rule_applies(const GuardRules& rules, std::size_t entries);
bool price_rule_applies(const GuardRules& rules);

struct ProductStock {
    std::int64_t quantity = 0;  // reported stock: own, or the sum of the variants'
    bool active = true;
};

// What the database holds for a stock batch.
struct StockFigures {
    // Per change (same index): the stock of the row it names; nullopt when the entry would be
    // skipped (unknown product or variant, variant 0 of a product with variants).
    std::vector<std::optional<std::int64_t>> current;
    std::map<Id, ProductStock> products;  // every product a resolved change names
    std::int64_t active_products = 0;     // in the whole catalogue
};

// Zeroed: an active product whose reported stock is > 0 now and would be 0 once the batch is
// applied in order (a product with variants: the sum of all its variants' stock), counted once
// however many of its entries the batch has. Held when more than zeroed_share_percent of the
// active products would be zeroed by a batch of at least zeroed_min_entries entries.
std::optional<Verdict> judge_stock(std::span<const StockChange> changes, const StockFigures& now,
                                   const GuardRules& rules);

// `current[i]`: the price (minor units) of the row change i names, nullopt when it would be
// skipped. Held when any entry's new price is below price_floor_percent % of a current price
// > 0 or above price_ceiling_factor times it: the whole batch, as a batch is applied whole or
// held whole.
std::optional<Verdict> judge_prices(std::span<const PriceChange> changes,
                                    std::span<const std::optional<std::int64_t>> current,
                                    const GuardRules& rules);

}  // namespace store::engine
