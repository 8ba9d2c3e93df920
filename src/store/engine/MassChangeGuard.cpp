#include "store/engine/MassChangeGuard.h"

#include "store/engine/BatchChanges.h"
#include "store/engine/StockPlan.h"

namespace store::engine {

bool zeroed_rule_applies(const GuardRules& rules, std::size_t entries) {
    return rules.zeroed_share_percent > 0 &&
           static_cast<std::int64_t>(entries) >= rules.zeroed_min_entries;
}

bool price_rule_applies(const GuardRules& rules) {
    return rules.price_floor_percent > 0 || rules.price_ceiling_factor > 0;
}

namespace {

// Each named row's stock before and after the batch, entries applied in order with the very
// rules that apply them (batch::new_stock).
struct Simulated {
    StockMap before, after;
};

Simulated simulate(std::span<const StockChange> changes, const StockFigures& now) {
    Simulated s;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (!now.current[i]) continue;
        const StockChange& c = changes[i];
        const StockKey key{c.product_id, c.variant_id};
        s.before.try_emplace(key, *now.current[i]);
        auto it = s.after.try_emplace(key, *now.current[i]).first;
        std::optional<EntryNote> note;
        if (auto value = batch::new_stock(c, it->second, note)) it->second = *value;
    }
    return s;
}

}  // namespace

std::optional<Verdict> judge_stock(std::span<const StockChange> changes, const StockFigures& now,
                                   const GuardRules& rules) {
    if (!zeroed_rule_applies(rules, changes.size())) return std::nullopt;
    const Simulated s = simulate(changes, now);
    std::map<Id, std::int64_t> delta;  // change of each product's reported stock
    for (const auto& [key, after] : s.after) delta[key.product_id] += after - s.before.at(key);
    std::int64_t zeroed = 0;
    for (const auto& [product, change] : delta) {
        auto p = now.products.find(product);
        if (p == now.products.end() || !p->second.active) continue;
        if (p->second.quantity > 0 && p->second.quantity + change == 0) ++zeroed;
    }
    // "More than the share": zeroed / active > percent / 100, in integers.
    if (zeroed == 0 || zeroed * 100 <= rules.zeroed_share_percent * now.active_products)
        return std::nullopt;
    return Verdict{"zeroed_share", zeroed, now.active_products,
                   std::to_string(zeroed) + " of " + std::to_string(now.active_products) +
                       " active products would be set to 0"};
}

std::optional<Verdict> judge_prices(std::span<const PriceChange> changes,
                                    std::span<const std::optional<std::int64_t>> current,
                                    const GuardRules& rules) {
    if (!price_rule_applies(rules)) return std::nullopt;
    std::int64_t tripped = 0;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (!current[i] || *current[i] <= 0 || changes[i].price.minor() <= 0) continue;
        // 128 bits: a price times a factor must not overflow.
        const __int128 now = *current[i], next = changes[i].price.minor();
        const bool below =
            rules.price_floor_percent > 0 && next * 100 < now * rules.price_floor_percent;
        const bool above =
            rules.price_ceiling_factor > 0 && next > now * rules.price_ceiling_factor;
        if (below || above) ++tripped;
    }
    if (tripped == 0) return std::nullopt;
    const auto out_of = static_cast<std::int64_t>(changes.size());
    std::string range;
    if (rules.price_floor_percent > 0)
        range = "below " + std::to_string(rules.price_floor_percent) + " %";
    if (rules.price_ceiling_factor > 0)
        range += (range.empty() ? "" : " or ") + std::string("above ") +
                 std::to_string(rules.price_ceiling_factor) + "x";
    return Verdict{"price_factor", tripped, out_of,
                   std::to_string(tripped) + " of " + std::to_string(out_of) +
                       " prices would move " + range + " of the current price"};
}

}  // namespace store::engine
