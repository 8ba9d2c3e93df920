-- OrdersGet's page count without a scan (engine/OrderPages.cpp): orders are summarised per bucket
-- of `span` consecutive ids (bucket b holds ids b*span .. b*span+span-1). A summary is written
-- only for a closed bucket (every id of it settled: no new order can ever take one), lazily by a
-- reader, and set back to NULL in the same transaction by every write that changes an order's
-- paid flag or date_add. A reader adds whole buckets from here and counts only the partial ones
-- (the bucket of id_from, buckets whose dates straddle time_from, the open tail) from the index.

-- The bucket width, one row: the same for every process on the database. Changed only while
-- there are no orders (tests use small buckets).
CREATE TABLE order_page_span (
    one  INTEGER PRIMARY KEY CHECK (one = 1),
    span INTEGER NOT NULL CHECK (span > 0)
) STRICT;
INSERT INTO order_page_span (one, span) VALUES (1, 1024);

-- NULL counts = no valid summary (never computed, or invalidated by a write). An empty bucket
-- (ids that were never used) has orders = 0.
CREATE TABLE order_page_counts (
    bucket   INTEGER PRIMARY KEY,
    orders   INTEGER,
    paid     INTEGER,
    min_date INTEGER,
    max_date INTEGER
) STRICT;
