#pragma once
// Value types of the mass-change guard (store::HeldChanges, docs/guard.md): the rules a batch from
// BaseLinker is judged by, and the batches it held for staff to apply or discard.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/CatalogTypes.h"

namespace store {

// Config [guard]. 0 switches a rule off. The defaults never trip on normal traffic.
struct GuardRules {
    // Held: a stock batch of at least `zeroed_min_entries` entries that would take more than
    // this percentage of the active products from stock > 0 to 0.
    std::int64_t zeroed_share_percent = 30;
    std::int64_t zeroed_min_entries = 50;
    // Held: a price batch with an entry whose new price is below this percentage of the current
    // one, or above this multiple of it (current price > 0).
    std::int64_t price_floor_percent = 10;
    std::int64_t price_ceiling_factor = 10;

    static GuardRules off() { return {0, 0, 0, 0}; }
};

enum class HeldKind { Stock, Price };
enum class HeldState { Held, Applied, Discarded };

// One held batch, without its entries.
struct HeldBatch {
    Id id = 0;
    HeldKind kind = HeldKind::Stock;
    HeldState state = HeldState::Held;
    std::string rule;              // "zeroed_share" or "price_factor"
    std::int64_t tripped = 0;      // products zeroed / price entries out of range...
    std::int64_t out_of = 0;       // ...of: active products / price entries
    std::string summary;           // "62 of 120 active products would be set to 0"
    std::int64_t entry_count = 0;  // entries held
    std::int64_t created_at = 0, last_sent_at = 0;  // unix seconds UTC
    std::int64_t resends = 0;                       // identical batches received while held
    std::string decided_by;                         // "admin:anna" once applied / discarded
    std::int64_t decided_at = 0;                    // 0 while held
    std::optional<std::int64_t> applied;            // entries applied when it was applied
};

// A held batch with its entries, in the order BaseLinker sent them (one of the two is filled).
struct HeldDetail : HeldBatch {
    std::vector<StockChange> stock;
    std::vector<PriceChange> prices;
};

// A batch sent through the guard: applied (result), or held (nothing applied, `held` says where).
struct GuardedResult {
    BatchResult result;
    std::optional<HeldBatch> held;
};

// The stable lower-case names used in the database, the admin API and the CLI.
const char* held_kind_name(HeldKind kind);     // "stock", "price"
const char* held_state_name(HeldState state);  // "held", "applied", "discarded"
std::optional<HeldState> held_state_from(const std::string& name);

}  // namespace store
