// Adding orders: BaseLinker's OrderAdd (exactly once, replace in place) and storefront orders.
// Everything of one add happens under one savepoint of a grouped write transaction (see
// GroupCommit): header, lines, stock, first status. Duplicate and Rejected roll it back.
#include <map>

#include "store/sql/OrderHeader.h"
#include "store/sqlite/Orders.h"
#include "store/sqlite/OrdersDetail.h"

namespace store::sqlite {
namespace {

using orders::StockKey;

// How one add call behaves beyond the order's own fields.
struct AddPlan {
    OrderOrigin origin = OrderOrigin::Shop;
    std::optional<std::int64_t> baselinker_id;
    bool take_stock = true;
    std::optional<Id> previous;
};

// Inserts the header; nullopt when the baselinker_id is already taken (the UNIQUE constraint
// decides, so concurrent re-sends through any number of connections or processes agree).
std::optional<Id> insert_header(Connection& conn, const OrderInput& o, const AddPlan& plan,
                                Id status, std::int64_t now) {
    auto st = conn.prepare(
        "INSERT INTO orders (" BLC_ORDER_HEADER_COLUMNS
        ", origin, baselinker_id, status_id, date_add, paid_time, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34,"
        " ?35, ?36, ?37, ?39, ?40, ?41, ?42, CASE WHEN ?36 THEN ?38 ELSE 0 END, ?38, ?38)"
        " ON CONFLICT (baselinker_id) DO NOTHING RETURNING id");
    sql::bind_order_header(st, o, now);
    st.bind(39, orders::origin_text(plan.origin)).bind(40, plan.baselinker_id);
    st.bind(41, status).bind(42, o.date_add != 0 ? o.date_add : now);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

Id existing_by_baselinker_id(Connection& conn, std::int64_t baselinker_id) {
    auto st = conn.prepare("SELECT id FROM orders WHERE baselinker_id = ?1");
    st.bind(1, baselinker_id);
    st.step_row();
    return st.integer(0);
}

// Replaces the header in place. Origin, creation time and status stay (status: see
// replace_status); paid_time is kept while the order stays paid.
void update_header(Connection& conn, Id order_id, const OrderInput& o, const AddPlan& plan,
                   std::int64_t now) {
    auto st = conn.prepare(
        "UPDATE orders SET (" BLC_ORDER_HEADER_COLUMNS
        ") = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
        " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35,"
        " ?36, ?37),"
        " paid_time = CASE WHEN ?36 = 0 THEN 0 WHEN paid = 1 THEN paid_time ELSE ?38 END,"
        " date_add = CASE WHEN ?40 = 0 THEN date_add ELSE ?40 END, updated_at = ?38"
        " WHERE id = ?39");
    sql::bind_order_header(st, o, now);
    st.bind(39, order_id).bind(40, o.date_add);
    st.run();
    // A new BaseLinker id is taken only when no other order has it (it stays unique).
    if (plan.baselinker_id)
        conn.prepare(
                "UPDATE orders SET baselinker_id = ?1 WHERE id = ?2 AND NOT EXISTS"
                " (SELECT 1 FROM orders WHERE baselinker_id = ?1 AND id <> ?2)")
            .bind(1, *plan.baselinker_id)
            .bind(2, order_id)
            .run();
}

struct Current {
    Id status = 0;
};

std::optional<Current> current(Connection& conn, Id order_id) {
    auto st = conn.prepare("SELECT status_id FROM orders WHERE id = ?1");
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    return Current{st.integer(0)};
}

// Units per key after the add: what the order ends up holding. Taking more is clamped at what
// is available (the rest is oversold on the lines); holding less gives the surplus back.
std::map<StockKey, std::int64_t> settle_stock(Connection& conn,
                                              const std::map<StockKey, std::int64_t>& held,
                                              const std::map<StockKey, std::int64_t>& wanted,
                                              bool take_stock) {
    // change_products_quantity=0 moves nothing: a replacement keeps what the previous version
    // held for the products it still names.
    if (!take_stock) return held;
    std::map<StockKey, std::int64_t> holding;
    auto keys = held;
    for (const auto& [key, units] : wanted) keys.try_emplace(key, 0);
    for (const auto& [key, had] : keys) {
        auto it = wanted.find(key);
        std::int64_t want = it == wanted.end() ? 0 : it->second;
        std::int64_t now_held = want;
        if (want > had) {
            std::int64_t got = std::min(orders::available(conn, key), want - had);
            orders::move_stock(conn, key, -got);
            now_held = had + got;
        } else {
            orders::move_stock(conn, key, had - want);
        }
        holding[key] = now_held;
    }
    return holding;
}

Id insert_line(Connection& conn, Id order_id, std::size_t position, const OrderLineInput& in,
               const std::optional<StockKey>& key, const LineOutcome& out) {
    auto st = conn.prepare(
        "INSERT INTO order_lines (order_id, position, product_id, variant_id, name, sku, ean,"
        " unit_price, quantity, tax_rate_bp, auction_id, stock_taken, oversold)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    st.bind(1, order_id).bind(2, static_cast<std::int64_t>(position));
    if (key)
        st.bind(3, key->product_id).bind(4, key->variant_id);
    else
        st.bind_null(3).bind(4, std::int64_t{0});
    st.bind(5, in.name).bind(6, in.sku).bind(7, in.ean).bind(8, in.unit_price.minor());
    st.bind(9, in.quantity).bind(10, in.tax_rate_bp).bind(11, in.auction_id);
    st.bind(12, out.stock_taken).bind(13, out.oversold);
    st.run();
    return sqlite3_last_insert_rowid(conn.handle());
}

void insert_attributes(Connection& conn, Id line_id, const std::vector<LineAttribute>& attrs) {
    for (std::size_t i = 0; i < attrs.size(); ++i)
        conn.prepare(
                "INSERT INTO order_line_attributes (line_id, position, name, value, price)"
                " VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(1, line_id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, attrs[i].name)
            .bind(4, attrs[i].value)
            .bind(5, attrs[i].price.minor())
            .run();
}

// Writes the lines, sharing each key's holding among its lines in order; a line wanting more
// than is left records the rest as oversold (only when this add takes stock).
std::vector<LineOutcome> write_lines(Connection& conn, Id order_id, const OrderInput& o,
                                     const std::vector<std::optional<StockKey>>& keys,
                                     std::map<StockKey, std::int64_t> holding, bool take_stock) {
    std::vector<LineOutcome> outcomes;
    outcomes.reserve(o.lines.size());
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
        Id line_id = insert_line(conn, order_id, i, o.lines[i], keys[i], out);
        insert_attributes(conn, line_id, o.lines[i].attributes);
        outcomes.push_back(out);
    }
    return outcomes;
}

std::map<StockKey, std::int64_t> wanted_stock(const OrderInput& o,
                                              const std::vector<std::optional<StockKey>>& keys) {
    std::map<StockKey, std::int64_t> wanted;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i]) wanted[*keys[i]] += o.lines[i].quantity;
    return wanted;
}

std::map<StockKey, std::int64_t> held_map(Connection& conn, Id order_id) {
    std::map<StockKey, std::int64_t> held;
    for (const auto& [key, units] : orders::held_stock(conn, order_id)) held[key] = units;
    return held;
}

bool stock_returned(Connection& conn, Id order_id) {
    auto st = conn.prepare("SELECT stock_returned FROM orders WHERE id = ?1");
    st.bind(1, order_id);
    st.step_row();
    return st.integer(0) != 0;
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

AddOrderResult add_order(Connection& conn, const OrderInput& o, const AddPlan& plan,
                         const AddOrderOptions& options, std::int64_t now) {
    AddOrderResult result;
    std::optional<Current> replacing;
    if (plan.previous) replacing = current(conn, *plan.previous);

    Id status = options.default_status;
    orders::StatusInfo status_flags = orders::status_info(conn, status);
    if (o.status_id) {
        auto info = orders::status_info(conn, *o.status_id);
        if (info.known) status = *o.status_id, status_flags = info;
    }

    Id order_id = 0;
    if (replacing) {
        order_id = *plan.previous;
        update_header(conn, order_id, o, plan, now);
    } else if (auto id = insert_header(conn, o, plan, status, now)) {
        order_id = *id;
    } else {
        result.kind = AddOrderResult::Kind::Duplicate;
        result.order_id = existing_by_baselinker_id(conn, *plan.baselinker_id);
        return result;  // nothing was written
    }

    std::vector<std::optional<StockKey>> keys;
    keys.reserve(o.lines.size());
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        keys.push_back(orders::bind_line(conn, o.lines[i], options.match_by_codes));
        if (!keys.back()) result.unmatched_lines.push_back(i);
    }
    if (!result.unmatched_lines.empty() && options.unknown_products == UnknownProducts::Reject) {
        result.kind = AddOrderResult::Kind::Rejected;
        return result;  // rolled back by the caller: no order, no stock moved
    }

    // A cancelled order whose stock went back holds nothing and takes nothing.
    bool returned = replacing && stock_returned(conn, order_id);
    std::map<StockKey, std::int64_t> holding;
    if (!returned) {
        auto held = replacing ? held_map(conn, order_id) : std::map<StockKey, std::int64_t>{};
        holding = settle_stock(conn, held, wanted_stock(o, keys), plan.take_stock);
    }
    if (replacing)
        conn.prepare("DELETE FROM order_lines WHERE order_id = ?1").bind(1, order_id).run();
    result.lines =
        write_lines(conn, order_id, o, keys, std::move(holding), plan.take_stock && !returned);

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
    return result;
}

// Only a created or replaced order keeps what its savepoint wrote.
bool keeps(const AddOrderResult& result) {
    return result.kind == AddOrderResult::Kind::Created ||
           result.kind == AddOrderResult::Kind::Replaced;
}

}  // namespace

AddOrderResult SqliteOrders::add_baselinker_order(const OrderInput& order,
                                                  std::optional<Id> previous_order_id,
                                                  const AddOrderOptions& options,
                                                  std::int64_t now) {
    AddPlan plan{OrderOrigin::BaseLinker, order.baselinker_id, order.take_stock, previous_order_id};
    return adds_.run([&](Connection& conn) { return add_order(conn, order, plan, options, now); },
                     keeps);
}

AddOrderResult SqliteOrders::create_shop_order(const OrderInput& order,
                                               const AddOrderOptions& options, std::int64_t now) {
    AddPlan plan{OrderOrigin::Shop, std::nullopt, true, std::nullopt};
    return adds_.run([&](Connection& conn) { return add_order(conn, order, plan, options, now); },
                     keeps);
}

}  // namespace store::sqlite
