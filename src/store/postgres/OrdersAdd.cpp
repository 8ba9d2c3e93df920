// Adding orders: BaseLinker's OrderAdd (exactly once, replace in place) and storefront orders.
// Everything of one add happens in one transaction: header, lines, stock, first status.
// Duplicate and Rejected roll it back.
#include <chrono>
#include <map>
#include <random>
#include <thread>

#include "store/postgres/Arrays.h"
#include "store/postgres/Orders.h"
#include "store/postgres/OrdersDetail.h"
#include "store/sql/OrderHeader.h"

namespace store::postgres {
namespace {

using orders::StockKey;
using StockMap = std::map<StockKey, std::int64_t>;  // iterates in lock order

// No skipped orders (design.md §5). A poller asks for id > the last id it saw, so an order must
// never become visible with an id below one already visible. SQLite serialises writers, but
// PostgreSQL hands out sequence values at INSERT and makes them visible at COMMIT, in whatever
// order the transactions finish: id 11 may commit while id 10 is still in flight, and a poller
// that saw 11 would never ask for 10. So every transaction that creates an order takes this
// transaction-level advisory lock before taking its id and keeps it until its COMMIT (released
// after the commit is visible): the next creator takes a higher id only once the lower one is
// visible. One fixed key ("blcOrder" in ASCII) serves every process on the database.
// Replacements keep their id and take no lock.
constexpr std::int64_t kOrderIdLock = 0x626C634F72646572;

// How one add call behaves beyond the order's own fields.
struct AddPlan {
    OrderOrigin origin = OrderOrigin::Shop;
    std::optional<std::int64_t> baselinker_id;
    bool take_stock = true;
    std::optional<Id> previous;
};

// The header columns and their binding: store/sql/OrderHeader.h.
#define BLC_ORDER_HEADER_VALUES                                                                  \
    "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20," \
    " $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36::boolean, " \
    "$37"

// Inserts the header; nullopt when the baselinker_id is already taken (the UNIQUE constraint
// decides, so concurrent re-sends through any number of connections or processes agree).
std::optional<Id> insert_header(Connection& conn, const OrderInput& o, const AddPlan& plan,
                                Id status, std::int64_t now) {
    auto st = conn.prepare(
        "INSERT INTO orders (" BLC_ORDER_HEADER_COLUMNS
        ", origin, baselinker_id, status_id, date_add, paid_time, created_at, updated_at)"
        " VALUES (" BLC_ORDER_HEADER_VALUES
        ", $39, $40, $41, $42, CASE WHEN $36::boolean THEN $38::bigint ELSE 0 END, $38::bigint,"
        " $38::bigint) ON CONFLICT (baselinker_id) DO NOTHING RETURNING id");
    sql::bind_order_header(st, o, now);
    st.bind(39, orders::origin_text(plan.origin)).bind(40, plan.baselinker_id);
    st.bind(41, status).bind(42, o.date_add != 0 ? o.date_add : now);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

std::optional<Id> existing_by_baselinker_id(Connection& conn, std::int64_t baselinker_id) {
    auto st = conn.prepare("SELECT id FROM orders WHERE baselinker_id = $1");
    st.bind(1, baselinker_id);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

// Creates the header under the id lock; nullopt for a known baselinker_id (Duplicate). Callers
// bind the lines before (read-only work, kept out of the serialised section) and move stock
// only after: a creator never holds a stock row while it waits for the id lock, so creators
// (who all take the id lock first) and other stock movers cannot wait on each other in a cycle.
std::optional<Id> create_header(Connection& conn, const OrderInput& o, const AddPlan& plan,
                                Id status, std::int64_t now) {
    // A re-send of a known order (BaseLinker retries) need not queue for the id lock; the
    // constraint below still decides when the first send is in flight.
    if (plan.baselinker_id && existing_by_baselinker_id(conn, *plan.baselinker_id))
        return std::nullopt;
    conn.prepare("SELECT pg_advisory_xact_lock($1)").bind(1, kOrderIdLock).run();
    return insert_header(conn, o, plan, status, now);
}

// The existing order a Duplicate names. It is committed (the insert waited for it), but a
// concurrent replacement may have just moved that BaseLinker id to another order: run again.
Id duplicate_of(Connection& conn, std::int64_t baselinker_id) {
    if (auto id = existing_by_baselinker_id(conn, baselinker_id)) return *id;
    throw RetryableError("postgres: baselinker_id " + std::to_string(baselinker_id) +
                         " moved during OrderAdd");
}

// A new BaseLinker id is taken only when no other order has it (it stays unique). A concurrent
// insert of the same id makes the UPDATE fail: the savepoint keeps the replacement going
// without it, as when the id was already taken.
void take_baselinker_id(Connection& conn, Id order_id, std::int64_t baselinker_id) {
    conn.exec("SAVEPOINT blc_baselinker_id");
    try {
        conn.prepare(
                "UPDATE orders SET baselinker_id = $1 WHERE id = $2 AND NOT EXISTS"
                " (SELECT 1 FROM orders WHERE baselinker_id = $1 AND id <> $2)")
            .bind(1, baselinker_id)
            .bind(2, order_id)
            .run();
    } catch (const ConstraintError&) {
        conn.exec("ROLLBACK TO SAVEPOINT blc_baselinker_id");
    }
    conn.exec("RELEASE SAVEPOINT blc_baselinker_id");
}

// The order being replaced, locked until the end of the transaction: concurrent replacements
// and status changes of the same order wait, so what it holds is read and moved once.
struct Current {
    Id status = 0;
    std::optional<std::int64_t> baselinker_id;
    bool stock_returned = false;
};

std::optional<Current> lock_current(Connection& conn, Id order_id) {
    auto st = conn.prepare(
        "SELECT status_id, baselinker_id, stock_returned FROM orders WHERE id = $1 FOR UPDATE");
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    Current c{st.integer(0), std::nullopt, st.boolean(2)};
    if (!st.is_null(1)) c.baselinker_id = st.integer(1);
    return c;
}

// Replaces the header in place. Origin, creation time and status stay (status: see
// replace_status); paid_time is kept while the order stays paid.
void update_header(Connection& conn, Id order_id, const Current& current, const OrderInput& o,
                   const AddPlan& plan, std::int64_t now) {
    auto st =
        conn.prepare("UPDATE orders SET (" BLC_ORDER_HEADER_COLUMNS ") = (" BLC_ORDER_HEADER_VALUES
                     "), paid_time = CASE WHEN NOT $36::boolean THEN 0 WHEN paid THEN paid_time"
                     " ELSE $38::bigint END,"
                     " date_add = CASE WHEN $40::bigint = 0 THEN date_add ELSE $40::bigint END,"
                     " updated_at = $38::bigint WHERE id = $39");
    sql::bind_order_header(st, o, now);
    st.bind(39, order_id).bind(40, o.date_add);
    st.run();
    if (plan.baselinker_id && plan.baselinker_id != current.baselinker_id)
        take_baselinker_id(conn, order_id, *plan.baselinker_id);
}

// Units per key after the add: what the order ends up holding. Taking more is clamped at what
// is available (the rest is oversold on the lines); holding less gives the surplus back. Keys
// are visited in lock order.
StockMap settle_stock(Connection& conn, const StockMap& held, const StockMap& wanted,
                      bool take_stock) {
    // change_products_quantity=0 moves nothing: a replacement keeps what the previous version
    // held for the products it still names.
    if (!take_stock) return held;
    StockMap holding;
    auto keys = held;
    for (const auto& [key, units] : wanted) keys.try_emplace(key, 0);
    for (const auto& [key, had] : keys) {
        auto it = wanted.find(key);
        std::int64_t want = it == wanted.end() ? 0 : it->second;
        if (want > had) {
            holding[key] = had + orders::take_stock(conn, key, want - had);
        } else {
            orders::give_stock(conn, key, had - want);
            holding[key] = want;
        }
    }
    return holding;
}

// The lines of one order as parallel arrays, and their attributes (by line position).
struct LineArrays {
    ArrayBuilder product, variant, name, sku, ean, price, quantity, tax, auction, taken, oversold;
    ArrayBuilder attr_line, attr_position, attr_name, attr_value, attr_price;

    void add(std::size_t position, const OrderLineInput& in, const LineOutcome& out) {
        if (out.product_id)
            product.add(*out.product_id);
        else
            product.add_null();
        variant.add(out.variant_id);
        name.add(in.name);
        sku.add(in.sku);
        ean.add(in.ean);
        price.add(in.unit_price.minor());
        quantity.add(in.quantity);
        tax.add(in.tax_rate_bp);
        auction.add(in.auction_id);
        taken.add(out.stock_taken);
        oversold.add(out.oversold);
        for (std::size_t i = 0; i < in.attributes.size(); ++i) {
            const auto& a = in.attributes[i];
            attr_line.add(static_cast<std::int64_t>(position));
            attr_position.add(static_cast<std::int64_t>(i));
            attr_name.add(a.name);
            attr_value.add(a.value);
            attr_price.add(a.price.minor());
        }
    }
};

// Inserts every line and every attribute of the order in one statement (unnest of arrays): a
// 10,000-line marketplace order is one round trip, not 10,000.
void insert_lines(Connection& conn, Id order_id, const LineArrays& a) {
    auto st = conn.prepare(
        "WITH l AS (INSERT INTO order_lines (order_id, position, product_id, variant_id, name,"
        " sku, ean, unit_price, quantity, tax_rate_bp, auction_id, stock_taken, oversold)"
        " SELECT $1, t.n - 1, t.product_id, t.variant_id, t.name, t.sku, t.ean, t.unit_price,"
        " t.quantity, t.tax_rate_bp, t.auction_id, t.stock_taken, t.oversold"
        " FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[],"
        " $7::bigint[], $8::bigint[], $9::bigint[], $10::text[], $11::bigint[], $12::bigint[])"
        " WITH ORDINALITY AS t(product_id, variant_id, name, sku, ean, unit_price, quantity,"
        " tax_rate_bp, auction_id, stock_taken, oversold, n)"
        " RETURNING id, position)"
        " INSERT INTO order_line_attributes (line_id, position, name, value, price)"
        " SELECT l.id, a.position, a.name, a.value, a.price"
        " FROM unnest($13::bigint[], $14::bigint[], $15::text[], $16::text[], $17::bigint[])"
        " AS a(line, position, name, value, price) JOIN l ON l.position = a.line");
    st.bind(1, order_id).bind(2, a.product.str()).bind(3, a.variant.str()).bind(4, a.name.str());
    st.bind(5, a.sku.str()).bind(6, a.ean.str()).bind(7, a.price.str());
    st.bind(8, a.quantity.str()).bind(9, a.tax.str()).bind(10, a.auction.str());
    st.bind(11, a.taken.str()).bind(12, a.oversold.str()).bind(13, a.attr_line.str());
    st.bind(14, a.attr_position.str()).bind(15, a.attr_name.str()).bind(16, a.attr_value.str());
    st.bind(17, a.attr_price.str());
    st.run();
}

// Writes the lines, sharing each key's holding among its lines in order; a line wanting more
// than is left records the rest as oversold (only when this add takes stock).
std::vector<LineOutcome> write_lines(Connection& conn, Id order_id, const OrderInput& o,
                                     const std::vector<std::optional<StockKey>>& keys,
                                     StockMap holding, bool take_stock) {
    std::vector<LineOutcome> outcomes;
    outcomes.reserve(o.lines.size());
    LineArrays arrays;
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        LineOutcome out;
        out.line = i;
        if (const auto& key = keys[i]) {
            out.product_id = key->product_id;
            out.variant_id = key->variant_id;
            std::int64_t& left = holding[*key];
            out.stock_taken = std::min(left, o.lines[i].quantity);
            left -= out.stock_taken;
            if (take_stock) out.oversold = o.lines[i].quantity - out.stock_taken;
        }
        arrays.add(i, o.lines[i], out);
        outcomes.push_back(out);
    }
    insert_lines(conn, order_id, arrays);
    return outcomes;
}

StockMap wanted_stock(const OrderInput& o, const std::vector<std::optional<StockKey>>& keys) {
    StockMap wanted;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i]) wanted[*keys[i]] += o.lines[i].quantity;
    return wanted;
}

StockMap held_map(Connection& conn, Id order_id) {
    StockMap held;
    for (const auto& [key, units] : orders::held_stock(conn, order_id)) held[key] = units;
    return held;
}

// A replacement keeps the order's status unless the new version names a known, different one
// (the default status applies to new orders only, so staff's progress is not reset).
void replace_status(Connection& conn, Id order_id, Id current_status, const OrderInput& o,
                    const AddOrderOptions& options, std::int64_t now) {
    if (!o.status_id || *o.status_id == current_status) return;
    auto info = orders::status_info(conn, *o.status_id);
    if (!info.known) return;
    orders::enter_status(conn, order_id, current_status, *o.status_id, info.cancelled,
                         options.actor, now);
}

// The first status of a new order: the sent one when known, else the default.
std::pair<Id, orders::StatusInfo> first_status(Connection& conn, const OrderInput& o,
                                               const AddOrderOptions& options) {
    if (o.status_id) {
        auto info = orders::status_info(conn, *o.status_id);
        if (info.known) return {*o.status_id, info};
    }
    return {options.default_status, orders::status_info(conn, options.default_status)};
}

// Binds every line (read-only, before any lock is taken); unmatched lines are listed.
std::vector<std::optional<StockKey>> bind_lines(Connection& conn, const OrderInput& o,
                                                const AddOrderOptions& options,
                                                std::vector<std::size_t>& unmatched) {
    std::vector<std::optional<StockKey>> keys;
    keys.reserve(o.lines.size());
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        keys.push_back(orders::bind_line(conn, o.lines[i], options.match_by_codes));
        if (!keys.back()) unmatched.push_back(i);
    }
    return keys;
}

AddOrderResult duplicate(Connection& conn, std::int64_t baselinker_id) {
    AddOrderResult result;
    result.kind = AddOrderResult::Kind::Duplicate;
    result.order_id = duplicate_of(conn, baselinker_id);
    return result;  // nothing was written
}

// Stock and lines of an order whose header is written; `replacing` names its previous state.
void write_content(Connection& conn, Id order_id, const std::optional<Current>& replacing,
                   const OrderInput& o, const AddPlan& plan,
                   const std::vector<std::optional<StockKey>>& keys, AddOrderResult& result) {
    // A cancelled order whose stock went back holds nothing and takes nothing.
    bool returned = replacing && replacing->stock_returned;
    StockMap holding;
    if (!returned) {
        auto held = replacing ? held_map(conn, order_id) : StockMap{};
        holding = settle_stock(conn, held, wanted_stock(o, keys), plan.take_stock);
    }
    if (replacing)
        conn.prepare("DELETE FROM order_lines WHERE order_id = $1").bind(1, order_id).run();
    result.lines =
        write_lines(conn, order_id, o, keys, std::move(holding), plan.take_stock && !returned);
}

bool stock_returned(Connection& conn, Id order_id) {
    auto st = conn.prepare("SELECT stock_returned FROM orders WHERE id = $1");
    st.bind(1, order_id);
    st.step_row();
    return st.boolean(0);
}

AddOrderResult add_order(Connection& conn, const OrderInput& o, const AddPlan& plan,
                         const AddOrderOptions& options, std::int64_t now) {
    Transaction tx(conn, TxKind::Write);
    AddOrderResult result;
    std::optional<Current> replacing;
    if (plan.previous) replacing = lock_current(conn, *plan.previous);
    auto [status, status_flags] = first_status(conn, o, options);
    auto keys = bind_lines(conn, o, options, result.unmatched_lines);
    bool reject =
        !result.unmatched_lines.empty() && options.unknown_products == UnknownProducts::Reject;

    Id order_id = 0;
    if (replacing) {
        order_id = *plan.previous;
    } else if (auto id = create_header(conn, o, plan, status, now)) {
        order_id = *id;  // a known baselinker_id answers Duplicate even when it would reject
    } else {
        return duplicate(conn, *plan.baselinker_id);
    }
    if (reject) {
        // Rolled back with the transaction: no new order, no stock moved, a replaced order
        // keeps its previous version.
        result.kind = AddOrderResult::Kind::Rejected;
        return result;
    }
    if (replacing) update_header(conn, order_id, *replacing, o, plan, now);

    write_content(conn, order_id, replacing, o, plan, keys, result);
    if (replacing) {
        result.kind = AddOrderResult::Kind::Replaced;
        replace_status(conn, order_id, replacing->status, o, options, now);
    } else {
        result.kind = AddOrderResult::Kind::Created;
        orders::enter_status(conn, order_id, std::nullopt, status, status_flags.cancelled,
                             options.actor, now);
    }
    if (stock_returned(conn, order_id))
        for (auto& line : result.lines) line.stock_taken = 0, line.oversold = 0;
    result.order_id = order_id;
    tx.commit();
    return result;
}

}  // namespace

void PgOrders::back_off(int attempt) {
    thread_local std::minstd_rand random(std::random_device{}());
    std::uniform_int_distribution<int> ms(1, 5 * attempt);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
}

AddOrderResult PgOrders::add_baselinker_order(const OrderInput& order,
                                              std::optional<Id> previous_order_id,
                                              const AddOrderOptions& options, std::int64_t now) {
    AddPlan plan{OrderOrigin::BaseLinker, order.baselinker_id, order.take_stock, previous_order_id};
    return run_write([&](Connection& conn) { return add_order(conn, order, plan, options, now); });
}

AddOrderResult PgOrders::create_shop_order(const OrderInput& order, const AddOrderOptions& options,
                                           std::int64_t now) {
    AddPlan plan{OrderOrigin::Shop, std::nullopt, true, std::nullopt};
    return run_write([&](Connection& conn) { return add_order(conn, order, plan, options, now); });
}

}  // namespace store::postgres
