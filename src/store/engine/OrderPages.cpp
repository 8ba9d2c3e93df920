// OrdersGet's page count and page start from per-bucket summaries (OrderPages.h).
#include "store/engine/OrderPages.h"

#include <algorithm>
#include <limits>
#include <map>
#include <vector>

namespace store::engine::orders {
namespace {

constexpr Id kNoId = std::numeric_limits<Id>::max();

// More index runs than this are counted with one statement over all of them (exact too: the
// summaries in between are then simply not used). Keeps the round trips of a page few when
// many buckets lack a summary or straddle time_from.
constexpr std::size_t kMaxRuns = 8;
// Buckets one reader summarises after its page: bounded, so that no OrdersGet holds the write
// lock (SQLite) for long; the first pages after an upgrade share the work.
constexpr std::int64_t kSummariseAtOnce = 64;

// Consecutive closed buckets counted from the index.
struct Run {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

void add_bucket(std::vector<Run>& runs, std::int64_t bucket) {
    if (!runs.empty() && runs.back().last == bucket - 1)
        runs.back().last = bucket;
    else
        runs.push_back({bucket, bucket});
}

// Matches per bucket of `run`, from the index (the orders_paging index holds id, date_add and
// paid; the unary + keeps the planner off the date_add index).
void count_run(Connection& conn, const PageFilter& f, Id first_id, const Run& run,
               std::int64_t span, std::map<std::int64_t, std::int64_t>& counts) {
    const Id low = std::max(first_id, run.first * span);
    const Id high = run.last * span + span - 1;
    auto st = conn.prepare(
        "SELECT id / CAST(?5 AS BIGINT), COUNT(*) FROM orders"
        " WHERE id >= ?1 AND id <= ?4 AND +date_add >= ?2 AND (paid OR NOT CAST(?3 AS BOOLEAN))"
        " GROUP BY 1");
    st.bind(1, low).bind(2, f.time_from).bind(3, f.only_paid).bind(4, high).bind(5, span);
    while (st.step()) counts[st.integer(0)] = st.integer(1);
}

// The id right before the match `skip` places after `after` (less than a bucket away), walked
// on the narrow orders_paging index, so that the page then reads only its own wide rows.
Id skip_matches(Connection& conn, const PageFilter& f, Id after, std::int64_t skip) {
    auto st = conn.prepare(
        "SELECT id FROM orders WHERE id > ?1 AND id <= ?5 AND +date_add >= ?2"
        " AND (paid OR NOT CAST(?3 AS BOOLEAN)) ORDER BY id LIMIT 1 OFFSET ?4");
    st.bind(1, after).bind(2, f.time_from).bind(3, f.only_paid).bind(4, skip).bind(5, f.up_to());
    st.step_row();  // counted in this snapshot: the match is there
    return st.integer(0) - 1;
}

struct Summary {
    std::int64_t orders = 0, paid = 0, min_date = 0, max_date = 0;
};

// Ids [first, last] counted from the index per bucket (first > last: none).
struct IdRange {
    Id first = 1;
    Id last = 0;
};

// The valid summaries of buckets [first, end) and, in the same round trip, the matches per
// bucket of the two ranges every page counts from the index whatever the summaries say: the
// part of id_from's bucket above it (`head`) and the open tail.
std::map<std::int64_t, Summary> read_summaries(Connection& conn, const PageFilter& f,
                                               std::int64_t first, std::int64_t end,
                                               std::int64_t span, IdRange head, IdRange tail,
                                               std::map<std::int64_t, std::int64_t>& counts) {
    auto st = conn.prepare(
        "SELECT 0, bucket, orders, paid, min_date, max_date FROM order_page_counts"
        " WHERE bucket >= ?1 AND bucket < ?2 AND orders IS NOT NULL"
        " UNION ALL SELECT 1, id / CAST(?3 AS BIGINT), COUNT(*), 0, 0, 0 FROM orders"
        " WHERE id >= ?6 AND id <= ?7 AND +date_add >= ?4 AND (paid OR NOT CAST(?5 AS BOOLEAN))"
        " GROUP BY 2"
        " UNION ALL SELECT 1, id / CAST(?3 AS BIGINT), COUNT(*), 0, 0, 0 FROM orders"
        " WHERE id >= ?8 AND id <= ?9 AND +date_add >= ?4 AND (paid OR NOT CAST(?5 AS BOOLEAN))"
        " GROUP BY 2");
    st.bind(1, first).bind(2, end).bind(3, span).bind(4, f.time_from).bind(5, f.only_paid);
    st.bind(6, head.first).bind(7, head.last).bind(8, tail.first).bind(9, tail.last);
    std::map<std::int64_t, Summary> out;
    while (st.step()) {
        if (st.integer(0) == 0)
            out[st.integer(1)] =
                Summary{st.integer(2), st.integer(3), st.integer(4), st.integer(5)};
        else
            counts[st.integer(1)] += st.integer(2);
    }
    return out;
}

}  // namespace

Id settled_order_id(Connection& conn, std::optional<Id> settled) {
    if (settled) return *settled;
    auto st = conn.prepare("SELECT COALESCE(MAX(id), 0) FROM orders");
    st.step_row();
    return st.integer(0);
}

std::int64_t read_page_span(Connection& conn) {
    auto st = conn.prepare("SELECT span FROM order_page_span");
    st.step_row();
    return st.integer(0);
}

void write_page_span(Connection& conn, std::int64_t span) {
    auto any = conn.prepare("SELECT COUNT(*) FROM orders");
    any.step_row();
    if (any.integer(0) != 0) throw StoreError("the order page span changes only without orders");
    conn.prepare("DELETE FROM order_page_counts").run();
    conn.prepare("UPDATE order_page_span SET span = ?1").bind(1, span).run();
}

PagePlan plan_page(Port&, Connection& conn, const PageFilter& f, std::int64_t offset,
                   std::int64_t span) {
    PagePlan plan;
    if (f.id_from >= kNoId - 1) return plan;  // no id is above it
    const Id first_id = std::max<Id>(f.id_from, 0) + 1;
    const std::int64_t first_bucket = first_id / span;
    // Buckets below closed_end hold only settled ids: their summaries can be trusted.
    const Id settled = settled_order_id(conn, f.settled);
    const std::int64_t closed_end = (settled + 1) / span;
    // Id 0 is never used, so bucket 0 read from id 1 is whole.
    const bool first_whole = first_id <= std::max<Id>(first_bucket * span, 1);

    // Counted from the index on every page: the part of id_from's bucket above it, and the open
    // tail (ids a later order may still take, and any above the settled ones).
    IdRange head, tail{std::max(first_id, closed_end * span), f.up_to()};
    if (!first_whole && first_bucket < closed_end)
        head = IdRange{first_id, first_bucket * span + span - 1};
    std::map<std::int64_t, std::int64_t> counts;  // bucket -> matching orders
    const auto summaries =
        read_summaries(conn, f, first_bucket, closed_end, span, head, tail, counts);

    std::vector<Run> runs;  // the other buckets the summaries cannot answer
    std::vector<std::int64_t> unsummarised;
    for (std::int64_t b = first_bucket; b < closed_end; ++b) {
        const bool partial = b == first_bucket && !first_whole;  // counted as `head`
        auto it = summaries.find(b);
        if (it == summaries.end()) {
            unsummarised.push_back(b);
            if (!partial) add_bucket(runs, b);
            continue;
        }
        const Summary& s = it->second;
        if (partial || s.orders == 0 || s.max_date < f.time_from) {
            // counted already, or nothing matches
        } else if (s.min_date >= f.time_from) {
            counts[b] = f.only_paid ? s.paid : s.orders;
        } else {
            add_bucket(runs, b);  // its dates straddle time_from
        }
    }
    if (runs.size() > kMaxRuns) {
        const Run all{runs.front().first, runs.back().last};
        runs = {all};
        counts.erase(counts.lower_bound(all.first), counts.upper_bound(all.last));
    }
    for (const Run& run : runs) count_run(conn, f, first_id, run, span, counts);

    std::int64_t skip = 0;
    for (const auto& [bucket, n] : counts) {
        if (!plan.after && offset < plan.total + n) {
            plan.after = std::max<Id>(f.id_from, bucket * span - 1);
            skip = offset - plan.total;
        }
        plan.total += n;
    }
    if (plan.after && skip > 0) plan.after = skip_matches(conn, f, *plan.after, skip);
    if (!unsummarised.empty()) {
        const std::int64_t from = unsummarised.front();
        plan.unsummarised = BucketRange{from, std::min(from + kSummariseAtOnce, closed_end) - 1};
    }
    return plan;
}

void summarise_buckets(Port& port, Connection& conn, BucketRange range, std::int64_t span) {
    // A row for every bucket first, so that there is something to lock.
    conn.prepare(
            "WITH RECURSIVE b(n) AS (SELECT CAST(?1 AS BIGINT) UNION ALL"
            " SELECT n + 1 FROM b WHERE n < ?2)"
            " INSERT INTO order_page_counts (bucket) SELECT n FROM b WHERE TRUE"
            " ON CONFLICT (bucket) DO NOTHING")
        .bind(1, range.first)
        .bind(2, range.last)
        .run();
    conn.prepare(std::string("SELECT bucket FROM order_page_counts WHERE bucket >= ?1 AND"
                             " bucket <= ?2 ORDER BY bucket") +
                 port.dialect().lock_rows())
        .bind(1, range.first)
        .bind(2, range.last)
        .run();
    // Counted after the locks are held: on PostgreSQL (READ COMMITTED) this statement's
    // snapshot includes every write that cleared one of these summaries before us.
    conn.prepare(
            "UPDATE order_page_counts SET orders = s.n, paid = s.p, min_date = s.lo,"
            " max_date = s.hi FROM (SELECT id / CAST(?3 AS BIGINT) AS b, COUNT(*) AS n,"
            " SUM(CASE WHEN paid THEN 1 ELSE 0 END) AS p, MIN(date_add) AS lo,"
            " MAX(date_add) AS hi FROM orders WHERE id >= ?1 AND id <= ?2 GROUP BY 1) AS s"
            " WHERE order_page_counts.bucket = s.b")
        .bind(1, range.first * span)
        .bind(2, range.last * span + span - 1)
        .bind(3, span)
        .run();
    // Buckets without orders (ids a rolled-back order had taken).
    conn.prepare(
            "UPDATE order_page_counts SET orders = 0, paid = 0, min_date = 0, max_date = 0"
            " WHERE bucket >= ?1 AND bucket <= ?2 AND orders IS NULL")
        .bind(1, range.first)
        .bind(2, range.last)
        .run();
}

void order_paging_changed(Connection& conn, Id order_id) {
    conn.prepare(
            "INSERT INTO order_page_counts (bucket) SELECT CAST(?1 AS BIGINT) / span"
            " FROM order_page_span WHERE TRUE ON CONFLICT (bucket) DO UPDATE SET orders = NULL,"
            " paid = NULL, min_date = NULL, max_date = NULL")
        .bind(1, order_id)
        .run();
}

}  // namespace store::engine::orders
