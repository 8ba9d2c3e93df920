#pragma once
// The order rules the engine's order files share (add, update, read), each working on a
// connection inside a transaction that the caller's Port::write or Port::read opened.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/OrderTypes.h"
#include "store/engine/Port.h"
#include "store/engine/StockPlan.h"

namespace store::engine::orders {

// Binds each line to the catalogue: id + variant_id (every line in one statement), then (if
// allowed) sku, then ean; nullopt for a line that matches nothing.
std::vector<std::optional<StockKey>> bind_lines(Port& port, Connection& conn,
                                                std::span<const OrderLineInput> lines,
                                                bool match_by_codes);

// Locks the stock rows of `keys` (variants by id, then products by id: the one order every
// writer of stock follows, so two transactions never wait on each other in a cycle) and reads
// their stock; a key whose row is gone is missing from the answer.
StockMap lock_stock(Port& port, Connection& conn, const StockMap& keys);
// Applies `moves` (deltas per key; the plan keeps stock at 0 or above) in one statement per
// table. The variants' triggers keep products.quantity equal to the sum of their stock.
void move_stock(Port& port, Connection& conn, const StockMap& moves);

// What the order holds from stock per key (nothing once its stock was returned).
StockMap held_stock(Connection& conn, Id order_id);

struct StatusInfo {
    bool known = false;
    bool cancelled = false;
};
StatusInfo status_info(Connection& conn, Id status_id);
// Sets the order's status to `to` (known) with a history row; entering a cancelled status gives
// the stock back, once per order. Returns true when stock was given back. `from` nullopt: the
// order was just created, its row already holds `to`.
bool enter_status(Port& port, Connection& conn, Id order_id, std::optional<Id> from, Id to,
                  bool cancelled, const std::string& actor, std::int64_t now);

const char* origin_text(OrderOrigin origin);
OrderOrigin origin_from(std::string_view text);

// Full orders (header, lines with attributes and weight, latest shipment) for `ids`, in the
// order given (unknown ids are absent), one query per set.
std::vector<Order> load_orders(Port& port, Connection& conn, std::span<const Id> ids);

}  // namespace store::engine::orders
