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

// The stock ledger (StockLedger.cpp). An entry of stock_moves before it is written.
struct LedgerEntry {
    std::optional<std::int64_t> line_position;  // nullopt: no line of the order
    StockKey key;
    std::int64_t delta = 0;  // negative = taken from stock
};
// One entry per line whose share took something: `sign` -1 = taken, +1 = given back.
std::vector<LedgerEntry> line_entries(std::span<const std::optional<StockKey>> keys,
                                      std::span<const LineShare> shares, int sign);
// One entry per key of `moves`, on the first line bound to the key (or none).
std::vector<LedgerEntry> key_entries(const StockMap& moves,
                                     std::span<const std::optional<StockKey>> keys);
// Writes the entries (zeros skipped) in one statement, whatever their number.
void record_moves(Port& port, Connection& conn, Id order_id, std::span<const LedgerEntry> entries,
                  std::string_view reason, const std::string& actor, std::int64_t now);
// What the order holds from stock per key: −(sum of its ledger deltas). The one rule for it.
StockMap held_stock(Connection& conn, Id order_id);
std::vector<StockMove> read_stock_moves(Connection& conn, Id order_id);
StockAudit audit_stock(Connection& conn);

struct StatusInfo {
    bool known = false;
    bool cancelled = false;
    bool on_hold = false;  // the inbox's status: set by holding an order only
};
StatusInfo status_info(Connection& conn, Id status_id);
// What a status change did to the order's stock (OrderStatusStock.cpp).
struct StockTransition {
    bool returned = false;   // gave back what the order held
    bool retaken = false;    // took the stock again
    bool cancelled = false;  // the order is in a cancelled status now: it holds nothing
    std::int64_t units = 0, oversold = 0;
    std::string note;  // for the status history: "stock returned: 3 units"
};
// Sets the order's status to `to` (known) with a history row, the order's row locked by the
// caller. Entering a cancelled status gives back what the order holds; leaving one for a status
// not cancelled takes the stock again (orders that took stock when added); once per transition.
// `from` nullopt: the order was just created, its row already holds `to`.
StockTransition enter_status(Port& port, Connection& conn, Id order_id, std::optional<Id> from,
                             Id to, bool cancelled, const std::string& actor, std::int64_t now);

// A row of the order's status history (from = to for a note on the order, e.g. a correction).
void record_status(Connection& conn, Id order_id, std::optional<Id> from, Id to,
                   const std::string& actor, const std::string& note, std::int64_t now);
// Puts the order (row locked by the caller) in the hold status: what it holds goes back to stock
// (once: orders.stock_returned), with a history row. `from` nullopt: just created in it.
void enter_hold(Port& port, Connection& conn, Id order_id, std::optional<Id> from,
                const std::string& actor, std::int64_t now);

// The order inbox's rows (OrderHold.cpp).
// The status flagged on_hold (migration 009 seeds one); StoreError when there is none.
Id hold_status(Connection& conn);
bool hold_open(Connection& conn, Id order_id);
// Opens the hold, or replaces its request and problems (a held order replaced by BaseLinker).
void write_hold(Port& port, Connection& conn, Id order_id, const std::string& request,
                std::span<const HoldProblem> problems, std::int64_t now);
// Releases it: released_at, and every open problem resolved by `actor`.
void end_hold(Connection& conn, Id order_id, const std::string& actor, std::int64_t now);
// Problems of a line resolved by a staff correction of `field`.
void resolve_problems(Connection& conn, Id order_id, std::int64_t line, std::string_view field,
                      const std::string& actor, std::int64_t now);
std::vector<HoldProblem> open_blocking_problems(Connection& conn, Id order_id);
std::optional<OrderHold> read_hold(Connection& conn, Id order_id);
// "line 2: no catalogue product (sku 'X', ean 'Y', name 'Z')" for a line bound to nothing.
HoldProblem unbound_problem(const OrderLineInput& line, std::size_t index);

const char* origin_text(OrderOrigin origin);
OrderOrigin origin_from(std::string_view text);

// Full orders (header, lines with attributes and weight, latest shipment) for `ids`, in the
// order given (unknown ids are absent), one query per set.
std::vector<Order> load_orders(Port& port, Connection& conn, std::span<const Id> ids);

}  // namespace store::engine::orders
