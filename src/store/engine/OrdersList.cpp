// The staff order listing (newest first, with filters, a text search and a cursor) and the
// dashboard's counts.
#include <limits>

#include "core/Text.h"
#include "store/engine/OrderRules.h"
#include "store/engine/Orders.h"
#include "store/engine/Params.h"

namespace store::engine {
namespace {

// An order is held while its hold is open (order_holds.released_at NULL).
constexpr std::string_view kHeld =
    " EXISTS (SELECT 1 FROM order_holds h WHERE h.order_id = o.id AND h.released_at IS NULL)";

constexpr const char* kSummarySql =
    "SELECT o.id, o.origin, o.baselinker_id, o.date_add, o.status_id, COALESCE(s.name, ''),"
    " o.paid, COALESCE(NULLIF(o.delivery_fullname, ''), NULLIF(o.invoice_fullname, ''),"
    " o.email),"
    " o.delivery_price + (SELECT CAST(COALESCE(SUM(unit_price * quantity), 0) AS BIGINT)"
    " FROM order_lines WHERE order_id = o.id),"
    " o.currency,"
    " (SELECT CAST(COALESCE(SUM(oversold), 0) AS BIGINT) FROM order_lines"
    " WHERE order_id = o.id),"
    " COALESCE((SELECT number FROM shipments WHERE order_id = o.id ORDER BY id DESC"
    " LIMIT 1), '')";
constexpr const char* kSummaryFrom =
    " FROM orders o LEFT JOIN order_statuses s ON s.id = o.status_id";

// The columns the text search looks in (the buyer's names, companies and contacts).
constexpr const char* kSearchedColumns[] = {"o.delivery_fullname",
                                            "o.invoice_fullname",
                                            "o.delivery_company",
                                            "o.invoice_company",
                                            "o.email",
                                            "o.phone",
                                            "o.client_login",
                                            "o.transaction_id"};

// The search text as an id when it is only digits (and fits one).
std::optional<Id> digits_id(const std::string& text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    return std::stoll(text);
}

// A case-insensitive plain substring (no wildcards: "%" and "_" in the text are literal).
std::string text_condition(const Dialect& d, const std::string& text, Params& params) {
    const int needle = params.add_number(core::fold_case(text));
    std::string sql = " AND (";
    bool first = true;
    for (const char* column : kSearchedColumns) {
        if (!first) sql += " OR ";
        first = false;
        sql += d.contains_folded(column, needle);
    }
    if (auto id = digits_id(text)) {
        const std::string p = params.add(*id);
        sql += " OR o.baselinker_id = " + p + " OR o.id = " + p;
    }
    return sql + ")";
}

// Only fixed fragments are concatenated; every value (the search text too) is a parameter.
std::string list_sql(const Dialect& d, const OrderListQuery& q, Params& params) {
    std::string sql = std::string(kSummarySql) + "," + std::string(kHeld) + kSummaryFrom;
    sql += " WHERE o.id < " +
           params.add(q.before_id.value_or(std::numeric_limits<std::int64_t>::max()));
    if (q.origin)
        sql += " AND o.origin = " + params.add(std::string(orders::origin_text(*q.origin)));
    if (q.status_id) sql += " AND o.status_id = " + params.add(*q.status_id);
    if (q.paid) sql += " AND o.paid = " + params.add(*q.paid);
    if (q.date_from) sql += " AND o.date_add >= " + params.add(*q.date_from);
    if (q.date_to) sql += " AND o.date_add <= " + params.add(*q.date_to);
    if (q.text) sql += text_condition(d, *q.text, params);
    if (q.held) sql += (*q.held ? " AND" : " AND NOT") + std::string(kHeld);
    return sql + " ORDER BY o.id DESC LIMIT " + params.add(q.limit);
}

OrderSummary read_summary(const Statement& st) {
    OrderSummary s;
    s.id = st.integer(0);
    s.origin = orders::origin_from(st.text_view(1));
    s.baselinker_id = st.optional_integer(2);
    s.date_add = st.integer(3);
    s.status_id = st.integer(4);
    s.status_name = st.text(5);
    s.paid = st.boolean(6);
    s.buyer = st.text(7);
    s.total = core::Money::from_minor(st.integer(8));
    s.currency = st.text(9);
    s.oversold = st.integer(10);
    s.latest_tracking = st.text(11);
    s.held = st.boolean(12);
    return s;
}

}  // namespace

std::vector<OrderSummary> Orders::list_orders(const OrderListQuery& q) {
    Params params;
    const std::string sql = list_sql(port_.dialect(), q, params);
    return read(port_, [&](Connection& conn) {
        auto st = conn.prepare(sql);
        params.bind(st);
        std::vector<OrderSummary> out;
        while (st.step()) out.push_back(read_summary(st));
        return out;
    });
}

// Counts for the admin dashboard, from one snapshot (SQLite has aggregate FILTER since 3.30).
OrderStats Orders::order_stats(std::int64_t now) {
    constexpr std::int64_t kDay = 24 * 60 * 60;
    return read(port_, [&](Connection& conn) {
        OrderStats stats;
        auto st = conn.prepare(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE origin = 'baselinker'),"
            " COUNT(*) FILTER (WHERE origin = 'shop'), COUNT(*) FILTER (WHERE NOT paid),"
            " COUNT(*) FILTER (WHERE date_add > ?1 AND date_add <= ?2) FROM orders");
        st.bind(1, now - kDay).bind(2, now);
        st.step_row();
        stats.total = st.integer(0);
        stats.from_baselinker = st.integer(1);
        stats.from_shop = st.integer(2);
        stats.unpaid = st.integer(3);
        stats.last_24h = st.integer(4);
        auto oversold =
            conn.prepare("SELECT COUNT(DISTINCT order_id) FROM order_lines WHERE oversold > 0");
        oversold.step_row();
        stats.with_oversells = oversold.integer(0);
        // Held orders staff cancelled need nothing more.
        auto held = conn.prepare(
            "SELECT COUNT(*) FROM order_holds h JOIN orders o ON o.id = h.order_id"
            " JOIN order_statuses s ON s.id = o.status_id"
            " WHERE h.released_at IS NULL AND NOT s.cancelled");
        held.step_row();
        stats.on_hold = held.integer(0);
        return stats;
    });
}

}  // namespace store::engine
