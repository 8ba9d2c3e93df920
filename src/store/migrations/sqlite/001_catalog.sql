-- Catalogue, lookup tables, settings and the request journal.
-- Money is INTEGER minor units; stock is INTEGER; every table is STRICT.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES categories(id),
    name        TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    external_id TEXT UNIQUE
) STRICT;
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE manufacturers (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    logo_url TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE products (
    id                 INTEGER PRIMARY KEY,
    external_id        TEXT UNIQUE,
    sku                TEXT NOT NULL DEFAULT '',
    ean                TEXT NOT NULL DEFAULT '',
    model              TEXT NOT NULL DEFAULT '',
    name               TEXT NOT NULL,
    -- core::fold_case(name), written by the program so that search works for every letter
    name_folded        TEXT NOT NULL,
    category_id        INTEGER REFERENCES categories(id),
    manufacturer_id    INTEGER REFERENCES manufacturers(id),
    price              INTEGER NOT NULL CHECK (price >= 0),
    promo_price        INTEGER CHECK (promo_price >= 0),
    tax_rate_bp        INTEGER NOT NULL DEFAULT 2300,
    weight             REAL NOT NULL DEFAULT 0,
    height             REAL NOT NULL DEFAULT 0,
    width              REAL NOT NULL DEFAULT 0,
    length             REAL NOT NULL DEFAULT 0,
    description        TEXT NOT NULL DEFAULT '',
    description_extra1 TEXT NOT NULL DEFAULT '',
    description_extra2 TEXT NOT NULL DEFAULT '',
    description_extra3 TEXT NOT NULL DEFAULT '',
    description_extra4 TEXT NOT NULL DEFAULT '',
    location           TEXT NOT NULL DEFAULT '',
    url                TEXT NOT NULL DEFAULT '',
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- The reported stock: own stock, or (kept by the triggers below) the sum of the variants'.
    quantity           INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    variant_count      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX products_sku ON products(sku) WHERE sku <> '';
CREATE INDEX products_ean ON products(ean);
CREATE INDEX products_category ON products(category_id);
CREATE INDEX products_manufacturer ON products(manufacturer_id);
CREATE INDEX products_quantity ON products(quantity);
CREATE INDEX products_price ON products(price);
CREATE INDEX products_name ON products(name_folded);
-- Narrow covering index for the stock and price sweeps: OFFSET paging steps over index entries
-- instead of the wide product rows (a 100k sweep went from quadratic file reads to ~1 ms a page).
CREATE INDEX products_paging ON products(id, quantity, price, promo_price);

CREATE TABLE variants (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    external_id TEXT,
    sku         TEXT NOT NULL DEFAULT '',
    ean         TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL DEFAULT '',
    price       INTEGER NOT NULL CHECK (price >= 0),
    stock       INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX variants_product ON variants(product_id, id);
CREATE UNIQUE INDEX variants_external ON variants(product_id, external_id)
    WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX variants_sku ON variants(sku) WHERE sku <> '';
CREATE INDEX variants_ean ON variants(ean);

-- Stock rule kept in one place: a product with variants reports the sum of their stock.
-- Bumped on every product insert and delete: the cached id list behind page lookups
-- (store/sqlite/ProductIds.h) is reloaded only when it changes.
CREATE TABLE catalog_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO catalog_state (key, value) VALUES ('products_generation', 0);
CREATE TRIGGER products_generation_insert AFTER INSERT ON products BEGIN
    UPDATE catalog_state SET value = value + 1 WHERE key = 'products_generation';
END;
CREATE TRIGGER products_generation_delete AFTER DELETE ON products BEGIN
    UPDATE catalog_state SET value = value + 1 WHERE key = 'products_generation';
END;

CREATE TRIGGER variants_stock_insert AFTER INSERT ON variants BEGIN
    UPDATE products
       SET quantity = CASE WHEN variant_count = 0 THEN NEW.stock ELSE quantity + NEW.stock END,
           variant_count = variant_count + 1
     WHERE id = NEW.product_id;
END;
CREATE TRIGGER variants_stock_delete AFTER DELETE ON variants BEGIN
    UPDATE products
       SET quantity = quantity - OLD.stock,
           variant_count = variant_count - 1
     WHERE id = OLD.product_id;
END;
CREATE TRIGGER variants_stock_update AFTER UPDATE OF stock, product_id ON variants BEGIN
    UPDATE products SET quantity = quantity - OLD.stock WHERE id = OLD.product_id;
    UPDATE products SET variant_count = variant_count - 1
     WHERE id = OLD.product_id AND OLD.product_id <> NEW.product_id;
    UPDATE products SET variant_count = variant_count + 1
     WHERE id = NEW.product_id AND OLD.product_id <> NEW.product_id;
    UPDATE products SET quantity = quantity + NEW.stock WHERE id = NEW.product_id;
END;

CREATE TABLE product_images (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    PRIMARY KEY (product_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE variant_images (
    variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    PRIMARY KEY (variant_id, position)
) STRICT, WITHOUT ROWID;

-- Several values of one feature are several rows with the same name.
CREATE TABLE product_features (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (product_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE variant_features (
    variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (variant_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE order_statuses (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    position  INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO order_statuses (id, name, cancelled, position) VALUES
    (1, 'Nowe', 0, 1),
    (2, 'W realizacji', 0, 2),
    (3, 'Oczekuje na płatność', 0, 3),
    (4, 'Wysłane', 0, 4),
    (5, 'Zrealizowane', 0, 5),
    (6, 'Anulowane', 1, 6),
    (7, 'Zwrot', 0, 7);

CREATE TABLE delivery_methods (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
) STRICT;
INSERT INTO delivery_methods (id, name) VALUES
    (1, 'InPost Paczkomaty 24/7'),
    (2, 'Kurier InPost'),
    (3, 'Kurier DPD'),
    (4, 'Kurier DHL'),
    (5, 'Poczta Polska'),
    (6, 'Orlen Paczka'),
    (7, 'Odbiór osobisty'),
    (8, 'Kurier DPD — pobranie');

CREATE TABLE payment_methods (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    cod  INTEGER NOT NULL DEFAULT 0 CHECK (cod IN (0, 1))
) STRICT;
INSERT INTO payment_methods (id, name, cod) VALUES
    (1, 'Przelewy24', 0),
    (2, 'PayU', 0),
    (3, 'BLIK', 0),
    (4, 'Przelew tradycyjny', 0),
    (5, 'Za pobraniem', 1),
    (6, 'Karta płatnicza', 0);

-- AUTOINCREMENT: journal ids are a paging cursor and must never be reused after a prune.
CREATE TABLE journal (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms          INTEGER NOT NULL,
    request_id     TEXT NOT NULL,
    client         TEXT NOT NULL,
    action         TEXT NOT NULL,
    duration_us    INTEGER NOT NULL,
    http_status    INTEGER NOT NULL,
    outcome        TEXT NOT NULL,
    response_bytes INTEGER NOT NULL,
    detail         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX journal_at ON journal(at_ms);
CREATE INDEX journal_action ON journal(action, id);
