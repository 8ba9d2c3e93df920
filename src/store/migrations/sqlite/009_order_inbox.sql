-- The order inbox (issue 11 §2, docs/orders.md "Orders on hold"): an identifiable BaseLinker
-- order that cannot become a normal shop order is stored on hold instead of refused. It has a
-- status flagged on_hold, takes no stock (stock_returned = 1 until release, so that release
-- takes it through the revive plan), and keeps the request as received and its problems.

ALTER TABLE order_statuses ADD COLUMN on_hold INTEGER NOT NULL DEFAULT 0 CHECK (on_hold IN (0, 1));
INSERT INTO order_statuses (name, cancelled, on_hold, position)
SELECT 'Wymaga uwagi', 0, 1, COALESCE(MAX(position), 0) + 1 FROM order_statuses;

CREATE TABLE order_holds (
    order_id    INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
    held_at     INTEGER NOT NULL,
    -- The OrderAdd form fields as received, a JSON object (the password is never kept).
    request     TEXT NOT NULL,
    -- NULL while the order is held.
    released_at INTEGER,
    released_by TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX order_holds_open ON order_holds(released_at, order_id);

CREATE TABLE order_hold_problems (
    order_id    INTEGER NOT NULL REFERENCES order_holds(order_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    line        INTEGER,                 -- 0-based line position; NULL = the order as a whole
    field       TEXT NOT NULL,           -- product, quantity, price, tax, attribute, ...
    message     TEXT NOT NULL,
    blocking    INTEGER NOT NULL CHECK (blocking IN (0, 1)),
    resolved_at INTEGER,                 -- NULL while open
    resolved_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, position)
) STRICT, WITHOUT ROWID;
