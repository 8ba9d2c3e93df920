-- The stock ledger (docs/orders.md, "The stock ledger"): every stock movement an order causes is
-- one row, and what an order holds per product/variant is minus the sum of its rows. The
-- engine reads "held" from here only; order_lines.stock_taken / oversold say what each line
-- holds and lacks now and are written by the line writes, so `blconnect stock audit` can
-- compare the two.
CREATE TABLE stock_moves (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    -- The line's position in the order (order_lines.position, 0-based), NULL when the move
    -- belongs to no line of the current version (a replacement dropped the product). A
    -- position, not a line id: a BaseLinker replacement writes the lines anew with new ids.
    line_position INTEGER,
    -- No foreign key: the ledger outlives a product deleted from the catalogue.
    product_id    INTEGER NOT NULL,
    variant_id    INTEGER NOT NULL DEFAULT 0,
    -- As seen from the stock: negative = taken from it, positive = given back.
    delta         INTEGER NOT NULL CHECK (delta <> 0),
    reason        TEXT NOT NULL,
    actor         TEXT NOT NULL DEFAULT '',
    at            INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_moves_order ON stock_moves(order_id, id);

-- The order took stock when it was added (OrderAdd with change_products_quantity = 1, every
-- storefront order): only such an order takes its stock again when it leaves a cancelled status.
ALTER TABLE orders ADD COLUMN takes_stock INTEGER NOT NULL DEFAULT 0
    CHECK (takes_stock IN (0, 1));
UPDATE orders SET takes_stock = 1
 WHERE origin = 'shop' OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id
                                     AND (l.stock_taken > 0 OR l.oversold > 0));

-- What existing orders hold now becomes their first entries, so the audit is clean after the
-- upgrade. A cancelled order whose stock went back holds nothing: its lines say so from now on.
INSERT INTO stock_moves (order_id, line_position, product_id, variant_id, delta, reason, actor, at)
SELECT l.order_id, l.position, l.product_id, l.variant_id, -l.stock_taken, 'migrated',
       'migration', CAST(strftime('%s', 'now') AS INTEGER)
  FROM order_lines l JOIN orders o ON o.id = l.order_id
 WHERE l.product_id IS NOT NULL AND l.stock_taken > 0 AND NOT o.stock_returned
 ORDER BY l.order_id, l.position;
UPDATE order_lines SET stock_taken = 0, oversold = 0
 WHERE order_id IN (SELECT id FROM orders WHERE stock_returned);
