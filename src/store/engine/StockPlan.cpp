#include "store/engine/StockPlan.h"

#include <algorithm>

namespace store::engine {

StockMap wanted_units(std::span<const std::optional<StockKey>> keys,
                      std::span<const std::int64_t> quantities) {
    StockMap wanted;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i]) wanted[*keys[i]] += quantities[i];
    return wanted;
}

StockPlan plan_stock(const StockMap& held, const StockMap& wanted, const StockMap& available,
                     bool take_stock) {
    StockPlan plan;
    if (!take_stock) {
        plan.holding = held;
        return plan;
    }
    StockMap keys = held;
    for (const auto& [key, units] : wanted) keys.try_emplace(key, 0);
    for (const auto& [key, had] : keys) {
        auto w = wanted.find(key);
        const std::int64_t want = w == wanted.end() ? 0 : w->second;
        std::int64_t now_held = want;
        std::int64_t move = had - want;  // surplus goes back
        if (want > had) {
            auto a = available.find(key);
            const std::int64_t in_stock =
                a == available.end() ? 0 : std::max<std::int64_t>(0, a->second);
            const std::int64_t got = std::min(in_stock, want - had);
            now_held = had + got;
            move = -got;
        }
        plan.holding[key] = now_held;
        if (move != 0) plan.moves[key] = move;
    }
    return plan;
}

StockMap return_all(const StockMap& held) {
    StockMap moves;
    for (const auto& [key, units] : held)
        if (units > 0) moves[key] = units;
    return moves;
}

std::vector<LineShare> share_lines(std::span<const std::optional<StockKey>> keys,
                                   std::span<const std::int64_t> quantities, StockMap holding,
                                   bool count_oversold) {
    std::vector<LineShare> shares(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i]) continue;
        std::int64_t& left = holding[*keys[i]];
        shares[i].taken = std::max<std::int64_t>(0, std::min(left, quantities[i]));
        left -= shares[i].taken;
        if (count_oversold) shares[i].oversold = quantities[i] - shares[i].taken;
    }
    return shares;
}

}  // namespace store::engine
