-- ProductsList filter_name without reading every product: an FTS5 index of the trigrams of
-- products.name_folded. A search text of n >= 3 characters is a phrase of its n-2 trigrams, and
-- a name holds that phrase exactly when it holds the text as a substring, so the index answers
-- the substring question itself (no second check). Shorter texts have no trigram: the engine
-- scans for those (engine/ProductList.cpp). case_sensitive 1: both sides are folded already by
-- core::fold_case (ICU, Polish letters included); SQLite's own folding would only differ.
-- External content: the text stays in products only; the index holds trigrams and row ids.
-- IF NOT EXISTS: applying it again (MigrationsTest rewinds a database) changes nothing.
CREATE VIRTUAL TABLE IF NOT EXISTS products_name_fts USING fts5(
    name_folded,
    content = 'products',
    content_rowid = 'id',
    tokenize = 'trigram case_sensitive 1'
);
INSERT INTO products_name_fts (products_name_fts) VALUES ('rebuild');

-- Kept in step with products by triggers, in the writing transaction, so every write path (the
-- import, the admin API, tests) is covered. An external-content index must be told the old text
-- to remove it. The import rewrites every column of a changed product: the WHEN leaves the
-- index alone when only stock or price changed.
CREATE TRIGGER IF NOT EXISTS products_name_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_name_fts (rowid, name_folded) VALUES (NEW.id, NEW.name_folded);
END;
CREATE TRIGGER IF NOT EXISTS products_name_fts_update AFTER UPDATE OF id, name_folded ON products
WHEN OLD.id <> NEW.id OR OLD.name_folded <> NEW.name_folded BEGIN
    INSERT INTO products_name_fts (products_name_fts, rowid, name_folded)
        VALUES ('delete', OLD.id, OLD.name_folded);
    INSERT INTO products_name_fts (rowid, name_folded) VALUES (NEW.id, NEW.name_folded);
END;
CREATE TRIGGER IF NOT EXISTS products_name_fts_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_name_fts (products_name_fts, rowid, name_folded)
        VALUES ('delete', OLD.id, OLD.name_folded);
END;
