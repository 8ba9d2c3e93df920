#pragma once
// The batch operations of ProductsQuantityUpdate / ProductsPriceUpdate inside a write
// transaction, shared by the catalogue (staff's single changes), the guard (BaseLinker's batches)
// and a held batch applied by staff: one set of skip, clamp and range rules for all of them.
#include <optional>
#include <span>
#include <string>

#include "store/engine/Port.h"

namespace store::engine::batch {

// Where an entry's value lives: the product row itself, or one of its variants.
struct Target {
    bool product_row = true;
    std::int64_t current = 0;  // stock or price in minor units
};

// Resolves (product, variant) or explains (in `reason`) why the entry must be skipped.
std::optional<Target> resolve(Connection& conn, Id product_id, Id variant_id, bool for_price,
                              std::string& reason);

// The new stock of a change from `current`; nullopt (with a skip note) when it must be skipped.
// Stock stays within 0..kMaxStock: a change past either end is clamped (applied, with a note);
// a set above kMaxStock or below 0, and a change outside 64 bits, are skipped.
std::optional<std::int64_t> new_stock(const StockChange& c, std::int64_t current,
                                      std::optional<EntryNote>& note);

// Locks every row the batch names before the first change (variants, then products, each in id
// order: the order every stock writer follows).
void lock_rows(Port& port, Connection& conn, std::span<const StockChange> entries);
void lock_rows(Port& port, Connection& conn, std::span<const PriceChange> entries);

// Apply the entries in order (rows locked first); skipped and noted entries in the result.
BatchResult apply_stock(Port& port, Connection& conn, std::span<const StockChange> changes);
BatchResult apply_prices(Port& port, Connection& conn, std::span<const PriceChange> changes,
                         bool use_promo);

}  // namespace store::engine::batch
