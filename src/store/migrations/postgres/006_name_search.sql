-- ProductsList filter_name without reading every product (migrations/sqlite/006_name_search.sql
-- does the same with FTS5): a pg_trgm GIN index over the folded names. It serves
-- `name_folded LIKE '%<text>%'` for texts of 3 or more characters (PgPort.cpp, the dialect's
-- name_contains_indexed); PostgreSQL rechecks every candidate row, so the answer is exactly
-- the substring match whatever the index returns. In a C.UTF-8 database pg_trgm counts Polish
-- letters as word characters, so "łódź" has trigrams of its own.
--
-- The index lives on a narrow side table, product_names (id, name_folded), kept by triggers,
-- not on products: products.quantity is indexed, so every stock change writes a new entry into
-- every index of products, and a GIN entry of a whole name per stock change made OrderAdd and
-- ProductsQuantityUpdate measurably slower. A stock change does not touch product_names; the
-- recheck of the candidates also reads narrow rows instead of whole products.
--
-- pg_trgm ships with PostgreSQL (Debian: in postgresql-15; elsewhere postgresql-contrib) and is
-- a trusted extension: a role with CREATE on the database (its owner, say) may create it. When
-- it cannot, the migration fails and says what to do rather than leaving every search a scan
-- of the whole catalogue unnoticed (docs/operations.md).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE EXCEPTION 'blconnect needs the PostgreSQL extension pg_trgm for the product name index: %', SQLERRM
        USING HINT = 'Install it (Debian: postgresql-15; elsewhere: postgresql-contrib), then run '
                     '"CREATE EXTENSION pg_trgm;" in this database as its owner or a superuser, '
                     'and run blconnect init again.';
END
$$;

DROP INDEX IF EXISTS products_name_trgm;

CREATE TABLE IF NOT EXISTS product_names (
    id          BIGINT PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
    name_folded TEXT NOT NULL
);
INSERT INTO product_names (id, name_folded) SELECT id, name_folded FROM products
    ON CONFLICT (id) DO UPDATE SET name_folded = EXCLUDED.name_folded;
CREATE INDEX IF NOT EXISTS product_names_trgm ON product_names USING gin (name_folded gin_trgm_ops);

-- New products in one statement per INSERT (the import inserts a chunk at a time); a rename
-- row by row, and only when the folded name changed. Deletions cascade.
CREATE OR REPLACE FUNCTION product_names_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO product_names (id, name_folded) SELECT id, name_folded FROM added_products;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION product_names_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE product_names SET name_folded = NEW.name_folded WHERE id = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS product_names_insert ON products;
CREATE TRIGGER product_names_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS added_products
    FOR EACH STATEMENT EXECUTE FUNCTION product_names_insert();
DROP TRIGGER IF EXISTS product_names_rename ON products;
CREATE TRIGGER product_names_rename AFTER UPDATE OF name_folded ON products
    FOR EACH ROW WHEN (OLD.name_folded IS DISTINCT FROM NEW.name_folded)
    EXECUTE FUNCTION product_names_rename();
