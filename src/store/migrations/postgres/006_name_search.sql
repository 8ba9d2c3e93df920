-- ProductsList filter_name without reading every product (migrations/sqlite/006_name_search.sql
-- does the same with FTS5): a pg_trgm GIN index on products.name_folded. It serves
-- `name_folded LIKE '%<text>%'` for texts of 3 or more characters (PgPort.cpp, the dialect's
-- name_contains_indexed); PostgreSQL rechecks every candidate row, so the answer is exactly
-- the substring match whatever the index returns. In a C.UTF-8 database pg_trgm counts Polish
-- letters as word characters, so "łódź" has trigrams of its own.
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

CREATE INDEX IF NOT EXISTS products_name_trgm ON products USING gin (name_folded gin_trgm_ops);
