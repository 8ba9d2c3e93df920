-- The order inbox: the tables of migrations/sqlite/009_order_inbox.sql (comments there).
ALTER TABLE order_statuses ADD COLUMN on_hold BOOLEAN NOT NULL DEFAULT FALSE;
INSERT INTO order_statuses (name, cancelled, on_hold, position)
SELECT 'Wymaga uwagi', FALSE, TRUE, COALESCE(MAX(position), 0) + 1 FROM order_statuses;

CREATE TABLE order_holds (
    order_id    BIGINT PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
    held_at     BIGINT NOT NULL,
    request     TEXT NOT NULL,
    released_at BIGINT,
    released_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_holds_open ON order_holds(released_at, order_id);

CREATE TABLE order_hold_problems (
    order_id    BIGINT NOT NULL REFERENCES order_holds(order_id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    line        BIGINT,
    field       TEXT NOT NULL,
    message     TEXT NOT NULL,
    blocking    BOOLEAN NOT NULL,
    resolved_at BIGINT,
    resolved_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, position)
);
