#pragma once
// Pieces shared by the order store's translation units (add, stock, read, update). Each works on
// a connection inside a transaction that the caller owns.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/OrderTypes.h"
#include "store/sql/OrderRows.h"
#include "store/sqlite/Connection.h"

namespace store::sqlite::orders {

// Where a line's stock lives: the product row (no variants) or one variant.
struct StockKey {
    Id product_id = 0;
    Id variant_id = 0;
    friend bool operator==(const StockKey&, const StockKey&) = default;
    friend auto operator<=>(const StockKey&, const StockKey&) = default;
};

// Binds a line to the catalogue: id + variant_id, then (if allowed) sku, then ean.
std::optional<StockKey> bind_line(Connection& conn, const OrderLineInput& line,
                                  bool match_by_codes);

// Units available now for a key; 0 when the product or variant is gone.
std::int64_t available(Connection& conn, StockKey key);
// Adds `delta` (may be negative; callers never take more than available) to the key's stock.
// A product or variant that no longer exists is skipped.
void move_stock(Connection& conn, StockKey key, std::int64_t delta);

// What an order currently holds from stock, per key (0 for all when the stock was returned).
std::vector<std::pair<StockKey, std::int64_t>> held_stock(Connection& conn, Id order_id);
// Gives back everything the order holds and marks it stock_returned; returns the units.
std::int64_t return_stock(Connection& conn, Id order_id);

struct StatusInfo {
    bool known = false;
    bool cancelled = false;
};
StatusInfo status_info(Connection& conn, Id status_id);
void record_status(Connection& conn, Id order_id, std::optional<Id> from, Id to,
                   const std::string& actor, const std::string& note, std::int64_t now);
// Sets the order's status to `to` (known) with a history row; entering a cancelled status gives
// the stock back the first time. Returns true when stock was given back.
bool enter_status(Connection& conn, Id order_id, std::optional<Id> from, Id to, bool cancelled,
                  const std::string& actor, std::int64_t now);

// The origin column's text, shared with the other backend (sql/OrderRows.h).
using sql::order_rows::origin_from;
using sql::order_rows::origin_text;

// Loads full orders (header, lines with attributes and weight, latest shipment) for `ids`, in
// the order given, with one query per set.
std::vector<Order> load_orders(Connection& conn, std::span<const Id> ids);

}  // namespace store::sqlite::orders
