#pragma once
// Pieces shared by the PostgreSQL order store's translation units (add, stock, read, update).
// Each works on a connection inside a transaction that the caller owns.
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "store/OrderTypes.h"
#include "store/postgres/Connection.h"
#include "store/sql/OrderRows.h"

namespace store::postgres::orders {

// Where a line's stock lives: the product row (no variants) or one variant. Ordered by product,
// then variant: the order in which every order transaction locks stock rows (a variant's row,
// then its product's through the variants trigger), so that two orders never deadlock.
struct StockKey {
    Id product_id = 0;
    Id variant_id = 0;
    friend bool operator==(const StockKey&, const StockKey&) = default;
    friend auto operator<=>(const StockKey&, const StockKey&) = default;
};

// Binds a line to the catalogue: id + variant_id, then (if allowed) sku, then ean.
std::optional<StockKey> bind_line(Connection& conn, const OrderLineInput& line,
                                  bool match_by_codes);

// Takes up to `units` from the key's stock in one atomic UPDATE (never below 0) and returns
// how many were taken; 0 when the product or variant is gone.
std::int64_t take_stock(Connection& conn, StockKey key, std::int64_t units);
// Gives `units` back to the key's stock (one atomic UPDATE); a vanished row is skipped.
void give_stock(Connection& conn, StockKey key, std::int64_t units);

// What an order currently holds from stock, per key in lock order (nothing once returned).
std::vector<std::pair<StockKey, std::int64_t>> held_stock(Connection& conn, Id order_id);

struct StatusInfo {
    bool known = false;
    bool cancelled = false;
};
StatusInfo status_info(Connection& conn, Id status_id);
// Sets the order's status to `to` (known) with a history row; entering a cancelled status gives
// the stock back the first time. Returns true when stock was given back. The caller holds the
// order's row lock.
bool enter_status(Connection& conn, Id order_id, std::optional<Id> from, Id to, bool cancelled,
                  const std::string& actor, std::int64_t now);

// The origin column's text, shared with the other backend (sql/OrderRows.h).
using sql::order_rows::origin_from;
using sql::order_rows::origin_text;

// `ids` as a bigint[] literal for `= ANY($n::bigint[])`.
std::string ids_literal(std::span<const Id> ids);

// Loads full orders (header, lines with attributes and weight, latest shipment) for `ids`, by
// ascending id, with one query per set.
std::vector<Order> load_orders(Connection& conn, std::span<const Id> ids);
// One OrdersGet page of full orders (one query for the headers, one per related set) and, in
// `total`, how many orders match before slicing.
std::vector<Order> page_orders(Connection& conn, const OrderQuery& query, Slice slice,
                               std::int64_t& total);

}  // namespace store::postgres::orders
