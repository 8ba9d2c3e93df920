#pragma once
// OrdersGet's page count and page start without a scan (docs/architecture.md, "OrdersGet
// pages"). Orders are summarised per bucket of `span` consecutive ids in order_page_counts
// (count, paid count, earliest and latest date_add). Only closed buckets are summarised — every
// id of the bucket settled, so no new order can ever land in one — and every write that changes
// an order's paid flag or date_add clears its bucket's summary in the same transaction. A page
// then adds whole buckets from their summaries and counts from the index only the partial ones:
// the bucket of id_from, buckets whose dates straddle time_from, buckets without a summary and
// the open tail. The page itself is a keyset read (id > after): its first order is found in
// the bucket that holds it, with an OFFSET of less than one bucket over the narrow index.
#include <cstdint>
#include <limits>
#include <optional>

#include "store/engine/Port.h"

namespace store::engine::orders {

// Every order id at or below the answer is settled: its order is visible in this snapshot or
// will never exist. `settled` is the port's answer, taken before the snapshot
// (Port::settled_order_id: PostgreSQL's ids commit out of order); without one (SQLite: ids
// commit in order) it is the largest visible id. A bucket above it is never summarised.
Id settled_order_id(Connection& conn, std::optional<Id> settled);

// The bucket width of the database (order_page_span): the same for every process.
std::int64_t read_page_span(Connection& conn);
// Tests only: a new width, on a database without orders (throws StoreError otherwise).
void write_page_span(Connection& conn, std::int64_t span);

// OrdersGet's filters, with absent ones as bounds that match everything.
struct PageFilter {
    std::int64_t id_from = 0;    // id > id_from
    std::int64_t time_from = 0;  // date_add >= time_from
    bool only_paid = false;
    std::optional<Id> settled;  // id <= settled (Port::settled_order_id), none: no bound
    Id up_to() const { return settled.value_or(std::numeric_limits<Id>::max()); }
};

// Closed buckets [first, last] that lack a summary: the reader counted them from the index and
// leaves them to summarise_buckets, in a write after its read.
struct BucketRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

// Where the page of `offset` (matches to skip) starts, and how many orders match in all.
struct PagePlan {
    std::int64_t total = 0;
    // The page: the first matches with id > after. Absent when the page is past the end.
    std::optional<Id> after;
    std::optional<BucketRange> unsummarised;
};

// Runs in the reader's snapshot; exact whatever the state of the summaries.
PagePlan plan_page(Port& port, Connection& conn, const PageFilter& filter, std::int64_t offset,
                   std::int64_t span);

// Writes the summaries of the closed buckets of `range` (inside a write transaction). Each
// bucket row is locked before its orders are counted, so a concurrent write that changes an
// order of the bucket either commits before the count sees it or clears the summary after.
void summarise_buckets(Port& port, Connection& conn, BucketRange range, std::int64_t span);

// Every write that changes an order's paid flag or date_add calls this in its transaction: the
// summary of the order's bucket is no longer true. An upsert, not an UPDATE: it must also wait
// for, and then clear, a summary that a concurrent reader is inserting.
void order_paging_changed(Connection& conn, Id order_id);

}  // namespace store::engine::orders
