// Adding orders: BaseLinker's OrderAdd (exactly once, replace in place) and storefront orders.
// Everything of one add happens in one write (header, lines, stock, first status); Duplicate
// and Rejected roll it back. A BaseLinker order that cannot become a normal one is stored on
// hold instead (docs/orders.md, "Orders on hold"; the rows in OrderHold.cpp).
//
// Exactly once: UNIQUE(baselinker_id) decides (INSERT ... ON CONFLICT DO NOTHING), so
// concurrent re-sends through any number of connections or processes agree. No skipped orders:
// the port keeps readers below ids still in flight (Port::before_new_order_id). Stock: the rows are
// locked and read, StockPlan decides, the moves are applied — all in the order's transaction.
#include "store/OrderText.h"
#include "store/engine/OrderRules.h"
#include "store/engine/Orders.h"

namespace store::engine {
namespace {

using orders::StatusInfo;

// How one add call behaves beyond the order's own fields.
struct AddPlan {
    OrderOrigin origin = OrderOrigin::Shop;
    std::optional<std::int64_t> baselinker_id;
    bool take_stock = true;
    std::optional<Id> previous;
};

// The header columns OrderAdd writes: parameters 1..37 in this order, 38 = now.
constexpr const char* kHeaderColumns =
    "transaction_id, client_login, service_account, delivery_fullname, delivery_company,"
    " delivery_address, delivery_city, delivery_postcode, delivery_state_code,"
    " delivery_country, delivery_country_code, invoice_fullname, invoice_company,"
    " invoice_address, invoice_city, invoice_postcode, invoice_state_code, invoice_country,"
    " invoice_country_code, invoice_nip, want_invoice, point_id, point_name, point_address,"
    " point_postcode, point_city, phone, email, currency, delivery_method, delivery_method_id,"
    " delivery_price, payment_method, payment_method_id, cod, paid, user_comments";
constexpr const char* kHeaderValues =
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
    " ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37";

void bind_address(Statement& st, int first, const Address& a) {
    st.bind(first, a.fullname).bind(first + 1, a.company).bind(first + 2, a.address);
    st.bind(first + 3, a.city).bind(first + 4, a.postcode).bind(first + 5, a.state_code);
    st.bind(first + 6, a.country).bind(first + 7, a.country_code);
}

void bind_header(Statement& st, const OrderInput& o, std::int64_t now) {
    st.bind(1, o.transaction_id).bind(2, o.client_login).bind(3, o.service_account);
    bind_address(st, 4, o.delivery);
    bind_address(st, 12, o.invoice);
    st.bind(20, o.invoice_nip).bind(21, o.want_invoice);
    st.bind(22, o.point.id).bind(23, o.point.name).bind(24, o.point.address);
    st.bind(25, o.point.postcode).bind(26, o.point.city);
    st.bind(27, o.phone).bind(28, o.email).bind(29, o.currency);
    st.bind(30, o.delivery_method).bind(31, o.delivery_method_id);
    st.bind(32, o.delivery_price.minor());
    st.bind(33, o.payment_method).bind(34, o.payment_method_id).bind(35, o.cod);
    st.bind(36, o.paid).bind(37, o.user_comments).bind(38, now);
}

// Inserts the header; nullopt when the baselinker_id is already taken.
std::optional<Id> insert_header(Connection& conn, const OrderInput& o, const AddPlan& plan,
                                Id status, std::int64_t now) {
    static const std::string sql =
        std::string("INSERT INTO orders (") + kHeaderColumns +
        ", origin, baselinker_id, status_id, date_add, takes_stock, paid_time, created_at,"
        " updated_at) VALUES (" +
        kHeaderValues +
        ", ?39, ?40, ?41, ?42, ?43, CASE WHEN CAST(?36 AS BOOLEAN) THEN CAST(?38 AS BIGINT) ELSE 0"
        " END, ?38, ?38) ON CONFLICT (baselinker_id) DO NOTHING RETURNING id";
    auto st = conn.prepare(sql);
    bind_header(st, o, now);
    st.bind(39, orders::origin_text(plan.origin)).bind(40, plan.baselinker_id);
    st.bind(41, status).bind(42, o.date_add != 0 ? o.date_add : now).bind(43, plan.take_stock);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

std::optional<Id> existing_by_baselinker_id(Connection& conn, std::int64_t baselinker_id) {
    auto st = conn.prepare("SELECT id FROM orders WHERE baselinker_id = ?1");
    st.bind(1, baselinker_id);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

// Creates the header with a new id; nullopt for a known baselinker_id (Duplicate: the
// constraint decides, also while the first send is still in flight). Callers bind the lines
// before and move stock only after: a creator holds no row lock when it asks the port for an
// id, so creators, readers and other stock movers cannot wait on each other in a cycle.
std::optional<Id> create_header(Port& port, Connection& conn, const OrderInput& o,
                                const AddPlan& plan, Id status, std::int64_t now) {
    port.before_new_order_id(conn);
    return insert_header(conn, o, plan, status, now);
}

// The existing order a Duplicate names. It is committed (the insert waited for it), but a
// concurrent replacement in another process may have just moved that BaseLinker id to another
// order: run again.
Id duplicate_of(Connection& conn, std::int64_t baselinker_id) {
    if (auto id = existing_by_baselinker_id(conn, baselinker_id)) return *id;
    throw RetryableError("baselinker_id " + std::to_string(baselinker_id) +
                         " moved during OrderAdd");
}

// The order being replaced, locked until the end of the transaction: concurrent replacements
// and status changes of the same order wait, so what it holds is read and moved once.
struct Current {
    Id status = 0;
    std::optional<std::int64_t> baselinker_id;
    bool stock_returned = false;
    bool takes_stock = false;
};

std::optional<Current> lock_current(Port& port, Connection& conn, Id order_id) {
    auto st = conn.prepare(
        std::string("SELECT status_id, baselinker_id, stock_returned, takes_stock FROM orders"
                    " WHERE id = ?1") +
        port.dialect().lock_rows());
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    return Current{st.integer(0), st.optional_integer(1), st.boolean(2), st.boolean(3)};
}

// A new BaseLinker id is taken only when no other order has it (it stays unique). A concurrent
// insert of the same id makes the UPDATE fail: the savepoint keeps the replacement going
// without it, as when the id was already taken.
void take_baselinker_id(Connection& conn, Id order_id, std::int64_t baselinker_id) {
    conn.exec("SAVEPOINT blc_baselinker_id");
    try {
        conn.prepare(
                "UPDATE orders SET baselinker_id = ?1 WHERE id = ?2 AND NOT EXISTS"
                " (SELECT 1 FROM orders WHERE baselinker_id = ?1 AND id <> ?2)")
            .bind(1, baselinker_id)
            .bind(2, order_id)
            .run();
    } catch (const ConstraintError&) {
        conn.exec("ROLLBACK TO SAVEPOINT blc_baselinker_id");
    }
    conn.exec("RELEASE SAVEPOINT blc_baselinker_id");
}

// Replaces the header in place. Origin, creation time and status stay (status: see
// replace_status); paid_time is kept while the order stays paid.
void update_header(Connection& conn, Id order_id, const Current& current, const OrderInput& o,
                   const AddPlan& plan, std::int64_t now) {
    static const std::string sql =
        std::string("UPDATE orders SET (") + kHeaderColumns + ") = (" + kHeaderValues +
        "), paid_time = CASE WHEN NOT CAST(?36 AS BOOLEAN) THEN 0 WHEN paid THEN paid_time"
        " ELSE CAST(?38 AS BIGINT) END,"
        " date_add = CASE WHEN CAST(?40 AS BIGINT) = 0 THEN date_add ELSE CAST(?40 AS BIGINT)"
        " END, updated_at = CAST(?38 AS BIGINT) WHERE id = ?39";
    auto st = conn.prepare(sql);
    bind_header(st, o, now);
    st.bind(39, order_id).bind(40, o.date_add);
    st.run();
    orders::order_paging_changed(conn, order_id);  // paid and date_add may have changed
    if (plan.baselinker_id && plan.baselinker_id != current.baselinker_id)
        take_baselinker_id(conn, order_id, *plan.baselinker_id);
    if (plan.take_stock && !current.takes_stock)  // it takes stock from now on
        conn.prepare("UPDATE orders SET takes_stock = TRUE WHERE id = ?1").bind(1, order_id).run();
}

// Every line and every attribute of the order in two statements, whatever the line count.
void insert_lines(Port& port, Connection& conn, Id order_id, const OrderInput& o,
                  const std::vector<std::optional<StockKey>>& keys,
                  const std::vector<LineShare>& shares) {
    using T = ColumnType;
    Rows lines({T::Integer, T::Integer, T::Integer, T::Text, T::Text, T::Text, T::Integer,
                T::Integer, T::Integer, T::Text, T::Integer, T::Integer});
    Rows attributes({T::Integer, T::Integer, T::Text, T::Text, T::Integer});
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const OrderLineInput& in = o.lines[i];
        const auto position = static_cast<std::int64_t>(i);
        lines.add(position);
        if (keys[i])
            lines.add(keys[i]->product_id).add(keys[i]->variant_id);
        else
            lines.add_null().add(std::int64_t{0});
        lines.add(in.name).add(in.sku).add(in.ean).add(in.unit_price.minor()).add(in.quantity);
        lines.add(in.tax_rate_bp).add(in.auction_id).add(shares[i].taken).add(shares[i].oversold);
        for (std::size_t a = 0; a < in.attributes.size(); ++a)
            attributes.add(position)
                .add(static_cast<std::int64_t>(a))
                .add(in.attributes[a].name)
                .add(in.attributes[a].value)
                .add(in.attributes[a].price.minor());
    }
    if (lines.size() == 0) return;
    auto st = conn.prepare(
        "INSERT INTO order_lines (order_id, position, product_id, variant_id, name, sku, ean,"
        " unit_price, quantity, tax_rate_bp, auction_id, stock_taken, oversold)"
        " SELECT CAST(?1 AS BIGINT), r.c0, r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7, r.c8, r.c9,"
        " r.c10, r.c11 FROM " +
        port.rows_relation(conn, lines.types(), 2, "r"));
    st.bind(1, order_id);
    port.bind_rows(conn, st, 2, lines);
    st.run();
    if (attributes.size() == 0) return;
    auto at = conn.prepare(
        "INSERT INTO order_line_attributes (line_id, position, name, value, price)"
        " SELECT l.id, a.c1, a.c2, a.c3, a.c4 FROM " +
        port.rows_relation(conn, attributes.types(), 2, "a") +
        " JOIN order_lines l ON l.order_id = CAST(?1 AS BIGINT) AND l.position = a.c0");
    at.bind(1, order_id);
    port.bind_rows(conn, at, 2, attributes);
    at.run();
}

// A replacement keeps the order's status unless the new version names a known, different one
// (the default status applies to new orders only, so staff's progress is not reset). Entering
// a cancelled status returns the stock, leaving one takes it again (enter_status).
orders::StockTransition replace_status(Port& port, Connection& conn, Id order_id, Id current_status,
                                       const OrderInput& o, const AddOrderOptions& options,
                                       std::int64_t now) {
    if (!o.status_id || *o.status_id == current_status) return {};
    auto info = orders::status_info(conn, *o.status_id);
    if (!info.known || info.on_hold) return {};
    return orders::enter_status(port, conn, order_id, current_status, *o.status_id, info.cancelled,
                                options.actor, now);
}

// The lines' counters as the database holds them (after a retake changed them).
void reread_line_counters(Connection& conn, Id order_id, AddOrderResult& result) {
    auto st = conn.prepare(
        "SELECT stock_taken, oversold FROM order_lines WHERE order_id = ?1 ORDER BY position");
    st.bind(1, order_id);
    for (std::size_t i = 0; i < result.lines.size() && st.step(); ++i)
        result.lines[i].stock_taken = st.integer(0), result.lines[i].oversold = st.integer(1);
}

// The first status of a new order: the sent one when known, else the default.
std::pair<Id, StatusInfo> first_status(Connection& conn, const OrderInput& o,
                                       const AddOrderOptions& options) {
    if (o.status_id) {
        auto info = orders::status_info(conn, *o.status_id);
        if (info.known && !info.on_hold) return {*o.status_id, info};  // holding sets that one
    }
    return {options.default_status, orders::status_info(conn, options.default_status)};
}

// Binds every line (read-only, before any lock is taken); unmatched lines are listed.
std::vector<std::optional<StockKey>> bind_lines(Port& port, Connection& conn, const OrderInput& o,
                                                const AddOrderOptions& options,
                                                std::vector<std::size_t>& unmatched) {
    auto keys = orders::bind_lines(port, conn, o.lines, options.match_by_codes);
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (!keys[i]) unmatched.push_back(i);
    return keys;
}

// Stock and lines of an order whose header is written; `replacing` names its previous state.
// `holds_nothing`: the order's stock went back (cancelled or held); it takes nothing now.
void write_content(Port& port, Connection& conn, Id order_id,
                   const std::optional<Current>& replacing, bool holds_nothing, const OrderInput& o,
                   const AddPlan& plan, const std::vector<std::optional<StockKey>>& keys,
                   const std::string& actor, std::int64_t now, AddOrderResult& result) {
    std::vector<std::int64_t> quantities;
    for (const auto& line : o.lines) quantities.push_back(line.quantity);
    const bool returned = holds_nothing;
    StockMap holding;
    StockMap moved;
    if (!returned) {
        const StockMap held = replacing ? orders::held_stock(conn, order_id) : StockMap{};
        const StockMap wanted = wanted_units(keys, quantities);
        StockMap touched = held;
        for (const auto& [key, units] : wanted) touched.try_emplace(key, 0);
        const StockMap available =
            plan.take_stock ? orders::lock_stock(port, conn, touched) : StockMap{};
        StockPlan stock = plan_stock(held, wanted, available, plan.take_stock);
        orders::move_stock(port, conn, stock.moves);
        holding = std::move(stock.holding);
        moved = std::move(stock.moves);
    }
    if (replacing)
        conn.prepare("DELETE FROM order_lines WHERE order_id = ?1").bind(1, order_id).run();
    auto shares = share_lines(keys, quantities, std::move(holding), plan.take_stock && !returned);
    insert_lines(port, conn, order_id, o, keys, shares);
    // The ledger: a new order's entries are its lines' shares; a replacement's are the net
    // moves per key (the previous version's entries stay, so the sum is what it holds now).
    if (replacing)
        orders::record_moves(port, conn, order_id, orders::key_entries(moved, keys), "replaced",
                             actor, now);
    else
        orders::record_moves(port, conn, order_id, orders::line_entries(keys, shares, -1),
                             "order_added", actor, now);
    result.lines.clear();
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        LineOutcome out;
        out.line = i;
        if (keys[i]) out.product_id = keys[i]->product_id, out.variant_id = keys[i]->variant_id;
        out.stock_taken = shares[i].taken;
        out.oversold = shares[i].oversold;
        result.lines.push_back(out);
    }
}

// Why a BaseLinker order cannot become a normal one: what the reader could not interpret, and
// lines bound to nothing under the hold policy. Empty = a normal order. The shop's own orders
// are never held (a free line stays free).
std::vector<HoldProblem> hold_problems(const OrderInput& o, const AddPlan& plan,
                                       const std::vector<std::size_t>& unmatched,
                                       const AddOrderOptions& options) {
    if (plan.origin != OrderOrigin::BaseLinker) return {};
    std::vector<HoldProblem> problems = o.problems;
    if (options.unknown_products == UnknownProducts::Hold)
        for (std::size_t index : unmatched)
            problems.push_back(orders::unbound_problem(o.lines[index], index));
    return problems;
}

// A held order: in the hold status (a cancelled one stays cancelled), holding no stock, its
// lines written as sent, the request and problems kept. A normal order replaced by a version
// that must be held gives its stock back first (its previous lines say what went where).
void hold_order(Port& port, Connection& conn, Id order_id, const std::optional<Current>& replacing,
                const OrderInput& o, const AddPlan& plan,
                const std::vector<std::optional<StockKey>>& keys, std::vector<HoldProblem> problems,
                const AddOrderOptions& options, std::int64_t now, AddOrderResult& result) {
    if (!replacing)
        orders::enter_hold(port, conn, order_id, std::nullopt, options.actor, now);
    else if (!replacing->stock_returned)
        orders::enter_hold(port, conn, order_id, replacing->status, options.actor, now);
    write_content(port, conn, order_id, replacing, true, o, plan, keys, options.actor, now, result);
    orders::write_hold(port, conn, order_id, o.request, problems, now);
    result.kind = AddOrderResult::Kind::Held;
    result.problems = std::move(problems);
}

// A held order replaced by a version that needs no staff: the hold ends, and an order still in
// the hold status moves to its first status and takes its stock as a revived order does.
orders::StockTransition release_replaced(Port& port, Connection& conn, Id order_id,
                                         const Current& current, const OrderInput& o,
                                         const AddOrderOptions& options, std::int64_t now) {
    orders::end_hold(conn, order_id, options.actor, now);
    if (!orders::status_info(conn, current.status).on_hold) return {};  // cancelled: stays
    auto [status, flags] = first_status(conn, o, options);
    return orders::enter_status(port, conn, order_id, current.status, status, flags.cancelled,
                                options.actor, now);
}

AddOrderResult add_order(Port& port, Connection& conn, const OrderInput& o, const AddPlan& plan,
                         const AddOrderOptions& options, std::int64_t now) {
    AddOrderResult result;
    std::optional<Current> replacing;
    if (plan.previous) replacing = lock_current(port, conn, *plan.previous);
    auto [status, status_flags] = first_status(conn, o, options);
    auto keys = bind_lines(port, conn, o, options, result.unmatched_lines);
    const bool reject =
        !result.unmatched_lines.empty() && options.unknown_products == UnknownProducts::Reject;
    auto problems = hold_problems(o, plan, result.unmatched_lines, options);
    const bool hold = !reject && !problems.empty();

    Id order_id = 0;
    if (replacing) {
        order_id = *plan.previous;
    } else if (auto id = create_header(port, conn, o, plan,
                                       hold ? orders::hold_status(conn) : status, now)) {
        order_id = *id;  // a known baselinker_id answers Duplicate even when it would reject
    } else {
        result.kind = AddOrderResult::Kind::Duplicate;
        result.order_id = duplicate_of(conn, *plan.baselinker_id);
        result.unmatched_lines.clear();
        return result;  // nothing was written
    }
    if (reject) {
        // Rolled back: no new order, no stock moved, a replaced order keeps its previous version.
        result.kind = AddOrderResult::Kind::Rejected;
        return result;
    }
    result.order_id = order_id;
    if (replacing) update_header(conn, order_id, *replacing, o, plan, now);
    if (hold) {
        hold_order(port, conn, order_id, replacing, o, plan, keys, std::move(problems), options,
                   now, result);
        return result;
    }
    const bool was_held = replacing && orders::hold_open(conn, order_id);
    // A cancelled (or held) order holds nothing and takes nothing.
    write_content(port, conn, order_id, replacing, replacing && replacing->stock_returned, o, plan,
                  keys, options.actor, now, result);
    // A cancelled order holds nothing: its stock was returned before or by its status now.
    bool returned = false;
    if (replacing) {
        result.kind = AddOrderResult::Kind::Replaced;
        auto moved = was_held
                         ? release_replaced(port, conn, order_id, *replacing, o, options, now)
                         : replace_status(port, conn, order_id, replacing->status, o, options, now);
        returned = moved.cancelled || (replacing->stock_returned && !moved.retaken);
        if (moved.retaken) reread_line_counters(conn, order_id, result);
    } else {
        result.kind = AddOrderResult::Kind::Created;
        orders::enter_status(port, conn, order_id, std::nullopt, status, status_flags.cancelled,
                             options.actor, now);
        returned = status_flags.cancelled;
    }
    if (returned)
        for (auto& line : result.lines) line.stock_taken = 0, line.oversold = 0;
    return result;
}

// Only a created, replaced or held order keeps what its write did.
bool keeps(const AddOrderResult& result) {
    return result.kind == AddOrderResult::Kind::Created ||
           result.kind == AddOrderResult::Kind::Replaced ||
           result.kind == AddOrderResult::Kind::Held;
}

// The order's text is cleaned first (store/OrderText.h), whoever sent it; what that changed
// comes back with the result for the journal.
AddOrderResult run_add(Port& port, const OrderInput& sent, const AddPlan& plan,
                       const AddOrderOptions& options, std::int64_t now) {
    OrderInput o = sent;
    std::vector<std::string> normalised = clean_order_text(o);
    AddOrderResult result = write(
        port, WriteKind::Grouped,
        [&](Connection& conn) { return add_order(port, conn, o, plan, options, now); }, keeps);
    result.normalised = std::move(normalised);
    return result;
}

}  // namespace

AddOrderResult Orders::add_baselinker_order(const OrderInput& order,
                                            std::optional<Id> previous_order_id,
                                            const AddOrderOptions& options, std::int64_t now) {
    AddPlan plan{OrderOrigin::BaseLinker, order.baselinker_id, order.take_stock, previous_order_id};
    return run_add(port_, order, plan, options, now);
}

AddOrderResult Orders::create_shop_order(const OrderInput& order, const AddOrderOptions& options,
                                         std::int64_t now) {
    AddPlan plan{OrderOrigin::Shop, std::nullopt, true, std::nullopt};
    return run_add(port_, order, plan, options, now);
}

}  // namespace store::engine
