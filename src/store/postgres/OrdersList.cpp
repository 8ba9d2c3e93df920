// The staff order listing: newest first, with filters, a text search and a cursor.
#include <limits>
#include <variant>

#include "store/postgres/Orders.h"
#include "store/postgres/OrdersDetail.h"

namespace store::postgres {
namespace {

// Parameters of a statement assembled from optional conditions, numbered as they are added:
// PostgreSQL cannot prepare a statement whose $n leave a gap (it cannot infer the type).
class Params {
  public:
    using Value = std::variant<std::int64_t, bool, std::string>;
    // "$n" with the cast, for the SQL text.
    std::string add(Value value, const char* cast) {
        values_.push_back(std::move(value));
        return "$" + std::to_string(values_.size()) + "::" + cast;
    }
    void bind(Statement& st) const {
        for (std::size_t i = 0; i < values_.size(); ++i)
            std::visit([&](const auto& v) { st.bind(static_cast<int>(i + 1), v); }, values_[i]);
    }

  private:
    std::vector<Value> values_;
};

constexpr const char* kSummarySql =
    "SELECT o.id, o.origin, o.baselinker_id, o.date_add, o.status_id, COALESCE(s.name, ''),"
    " o.paid, COALESCE(NULLIF(o.delivery_fullname, ''), NULLIF(o.invoice_fullname, ''),"
    " o.email),"
    " o.delivery_price + (SELECT COALESCE(SUM(unit_price * quantity), 0)::bigint"
    " FROM order_lines WHERE order_id = o.id),"
    " o.currency,"
    " (SELECT COALESCE(SUM(oversold), 0)::bigint FROM order_lines WHERE order_id = o.id),"
    " COALESCE((SELECT number FROM shipments WHERE order_id = o.id ORDER BY id DESC"
    " LIMIT 1), '')"
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

// Case-insensitive plain substring: strpos, not LIKE, so "%" and "_" in the text are literal.
std::string text_condition(const std::string& text, Params& params) {
    std::string needle = "lower(" + params.add(text, "text") + ")";
    std::string sql = " AND (";
    for (const char* column : kSearchedColumns) {
        if (sql.size() > 6) sql += " OR ";
        sql += std::string("strpos(lower(") + column + "), " + needle + ") > 0";
    }
    if (auto id = digits_id(text)) {
        std::string p = params.add(*id, "bigint");
        sql += " OR o.baselinker_id = " + p + " OR o.id = " + p;
    }
    return sql + ")";
}

// Only fixed fragments are concatenated; every value (the search text too) is a parameter.
std::string list_sql(const OrderListQuery& q, Params& params) {
    std::string sql = kSummarySql;
    sql += " WHERE o.id < " +
           params.add(q.before_id.value_or(std::numeric_limits<std::int64_t>::max()), "bigint");
    if (q.origin)
        sql += " AND o.origin = " + params.add(std::string(orders::origin_text(*q.origin)), "text");
    if (q.status_id) sql += " AND o.status_id = " + params.add(*q.status_id, "bigint");
    if (q.paid) sql += " AND o.paid = " + params.add(*q.paid, "boolean");
    if (q.date_from) sql += " AND o.date_add >= " + params.add(*q.date_from, "bigint");
    if (q.date_to) sql += " AND o.date_add <= " + params.add(*q.date_to, "bigint");
    if (q.text) sql += text_condition(*q.text, params);
    return sql + " ORDER BY o.id DESC LIMIT " + params.add(q.limit, "bigint");
}

OrderSummary read_summary(const Statement& st) {
    OrderSummary s;
    s.id = st.integer(0);
    s.origin = orders::origin_from(st.text_view(1));
    if (!st.is_null(2)) s.baselinker_id = st.integer(2);
    s.date_add = st.integer(3);
    s.status_id = st.integer(4);
    s.status_name = st.text(5);
    s.paid = st.boolean(6);
    s.buyer = st.text(7);
    s.total = core::Money::from_minor(st.integer(8));
    s.currency = st.text(9);
    s.oversold = st.integer(10);
    s.latest_tracking = st.text(11);
    return s;
}

}  // namespace

std::vector<OrderSummary> PgOrders::list_orders(const OrderListQuery& q) {
    Params params;
    std::string sql = list_sql(q, params);
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);
    auto st = conn->prepare(sql);
    params.bind(st);
    std::vector<OrderSummary> out;
    while (st.step()) out.push_back(read_summary(st));
    tx.commit();
    return out;
}

}  // namespace store::postgres
