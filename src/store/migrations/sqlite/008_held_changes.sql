-- The mass-change guard (issue 11 §3): a ProductsQuantityUpdate / ProductsPriceUpdate batch that
-- would zero a large share of the active catalogue or move prices by more than a factor is held
-- here, whole, until staff apply or discard it (docs/guard.md).

CREATE TABLE held_changes (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('stock', 'price')),
    state        TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'applied', 'discarded')),
    rule         TEXT NOT NULL,              -- zeroed_share, price_floor, price_ceiling
    tripped      INTEGER NOT NULL,           -- products zeroed / prices out of range...
    out_of       INTEGER NOT NULL,           -- ...of this many (active products / price entries)
    summary      TEXT NOT NULL,              -- "62 of 120 active products would be set to 0"
    entry_count  INTEGER NOT NULL,
    -- FNV-1a of the entries: BaseLinker re-sends the same batch on every sync; a re-send of a
    -- held batch is counted on it (resends) instead of being held again.
    fingerprint  TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_sent_at INTEGER NOT NULL,
    resends      INTEGER NOT NULL DEFAULT 0,
    decided_by   TEXT,
    decided_at   INTEGER,
    applied      INTEGER                     -- entries applied when staff applied it
) STRICT;
CREATE INDEX held_changes_pending ON held_changes(state, kind, fingerprint);

-- The entries as BaseLinker sent them (after parsing), in order.
CREATE TABLE held_change_entries (
    held_id    INTEGER NOT NULL REFERENCES held_changes(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    entry      INTEGER NOT NULL,             -- index of the entry in the request
    product_id INTEGER NOT NULL,
    variant_id INTEGER NOT NULL,
    op         TEXT CHECK (op IN ('set', 'change')),  -- stock entries
    quantity   INTEGER,                               -- stock entries
    price      INTEGER,                               -- price entries, minor units
    PRIMARY KEY (held_id, position)
) STRICT;
