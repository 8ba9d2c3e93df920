-- OrdersGet's page count without a scan: the tables of migrations/sqlite/005_order_page_counts.sql
-- (per-bucket summaries of closed id ranges, engine/OrderPages.cpp).

CREATE TABLE order_page_span (
    one  INTEGER PRIMARY KEY CHECK (one = 1),
    span BIGINT NOT NULL CHECK (span > 0)
);
INSERT INTO order_page_span (one, span) VALUES (1, 1024);

-- NULL counts = no valid summary (never computed, or invalidated by a write).
CREATE TABLE order_page_counts (
    bucket   BIGINT PRIMARY KEY,
    orders   BIGINT,
    paid     BIGINT,
    min_date BIGINT,
    max_date BIGINT
);
