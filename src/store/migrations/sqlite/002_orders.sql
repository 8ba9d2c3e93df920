-- Orders of both origins (storefront, BaseLinker), their lines, shipments, status history and
-- staff comments. Money is INTEGER minor units, time INTEGER unix seconds UTC, every table STRICT.

-- Plain INTEGER PRIMARY KEY (no AUTOINCREMENT): SQLite serialises writers, so a new id is always
-- above every committed one and ids become visible in commit order, which is what OrdersGet
-- pollers (id_from = last seen id) rely on. Orders are never deleted, so ids are never reused.
CREATE TABLE orders (
    id                     INTEGER PRIMARY KEY,
    origin                 TEXT NOT NULL CHECK (origin IN ('shop', 'baselinker')),
    -- Exactly-once OrderAdd: the constraint decides, however concurrent the re-sends are.
    baselinker_id          INTEGER UNIQUE,
    transaction_id         TEXT NOT NULL DEFAULT '',
    client_login           TEXT NOT NULL DEFAULT '',
    service_account        TEXT NOT NULL DEFAULT '',
    delivery_fullname      TEXT NOT NULL DEFAULT '',
    delivery_company       TEXT NOT NULL DEFAULT '',
    delivery_address       TEXT NOT NULL DEFAULT '',
    delivery_city          TEXT NOT NULL DEFAULT '',
    delivery_postcode      TEXT NOT NULL DEFAULT '',
    delivery_state_code    TEXT NOT NULL DEFAULT '',
    delivery_country       TEXT NOT NULL DEFAULT '',
    delivery_country_code  TEXT NOT NULL DEFAULT '',
    invoice_fullname       TEXT NOT NULL DEFAULT '',
    invoice_company        TEXT NOT NULL DEFAULT '',
    invoice_address        TEXT NOT NULL DEFAULT '',
    invoice_city           TEXT NOT NULL DEFAULT '',
    invoice_postcode       TEXT NOT NULL DEFAULT '',
    invoice_state_code     TEXT NOT NULL DEFAULT '',
    invoice_country        TEXT NOT NULL DEFAULT '',
    invoice_country_code   TEXT NOT NULL DEFAULT '',
    invoice_nip            TEXT NOT NULL DEFAULT '',
    want_invoice           INTEGER NOT NULL DEFAULT 0 CHECK (want_invoice IN (0, 1)),
    point_id               TEXT NOT NULL DEFAULT '',
    point_name             TEXT NOT NULL DEFAULT '',
    point_address          TEXT NOT NULL DEFAULT '',
    point_postcode         TEXT NOT NULL DEFAULT '',
    point_city             TEXT NOT NULL DEFAULT '',
    phone                  TEXT NOT NULL DEFAULT '',
    email                  TEXT NOT NULL DEFAULT '',
    currency               TEXT NOT NULL DEFAULT 'PLN',
    delivery_method        TEXT NOT NULL DEFAULT '',
    delivery_method_id     INTEGER,
    delivery_price         INTEGER NOT NULL DEFAULT 0,
    payment_method         TEXT NOT NULL DEFAULT '',
    payment_method_id      INTEGER,
    cod                    INTEGER NOT NULL DEFAULT 0 CHECK (cod IN (0, 1)),
    paid                   INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),
    paid_time              INTEGER NOT NULL DEFAULT 0,
    status_id              INTEGER NOT NULL REFERENCES order_statuses(id),
    user_comments          TEXT NOT NULL DEFAULT '',
    -- Every staff comment (order_comments) joined by newlines, kept here for cheap page reads.
    admin_comments         TEXT NOT NULL DEFAULT '',
    date_add               INTEGER NOT NULL,
    -- A cancellation gave the stock back; it happens once per order.
    stock_returned         INTEGER NOT NULL DEFAULT 0 CHECK (stock_returned IN (0, 1)),
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
) STRICT;
-- Covers OrdersGet's COUNT (date_add, paid and the rowid are all in the index), so counting a
-- large table reads narrow index entries instead of the wide order rows.
CREATE INDEX orders_date_add ON orders(date_add, paid);
-- Narrow covering index for OrdersGet pages: the OFFSET walk and the id_from/time_from/only_paid
-- conditions read index entries, not the wide order rows (deep page 30 ms -> 5 ms at 170k).
CREATE INDEX orders_paging ON orders(id, date_add, paid);
CREATE INDEX orders_status ON orders(status_id);
CREATE INDEX orders_paid ON orders(paid);

CREATE TABLE order_lines (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    -- NULL = a free line (no catalogue product). No foreign key: an order outlives a product
    -- deleted from the catalogue, and the line keeps its sent name, codes and price.
    product_id  INTEGER,
    variant_id  INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL DEFAULT '',
    sku         TEXT NOT NULL DEFAULT '',
    ean         TEXT NOT NULL DEFAULT '',
    unit_price  INTEGER NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    tax_rate_bp INTEGER NOT NULL DEFAULT 0,
    auction_id  TEXT NOT NULL DEFAULT '',
    stock_taken INTEGER NOT NULL DEFAULT 0 CHECK (stock_taken >= 0),
    oversold    INTEGER NOT NULL DEFAULT 0 CHECK (oversold >= 0),
    UNIQUE (order_id, position)
) STRICT;

CREATE TABLE order_line_attributes (
    line_id  INTEGER NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    price    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (line_id, position)
) STRICT, WITHOUT ROWID;

-- The latest shipment of an order is the one with the highest id.
CREATE TABLE shipments (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    number     TEXT NOT NULL,
    carrier    TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (order_id, number)
) STRICT;

CREATE TABLE order_status_history (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    from_status INTEGER,
    to_status   INTEGER NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX order_status_history_order ON order_status_history(order_id, id);

CREATE TABLE order_comments (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    at       INTEGER NOT NULL,
    actor    TEXT NOT NULL DEFAULT '',
    text     TEXT NOT NULL
) STRICT;
CREATE INDEX order_comments_order ON order_comments(order_id, id);
