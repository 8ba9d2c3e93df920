-- /healthz proves that the database still accepts a write (a full disk, a read-only file or a
-- lost server make writes fail while reads go on): one row, rewritten now and then
-- (app/HealthProbe.cpp, rate-limited).
CREATE TABLE heartbeat (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at INTEGER NOT NULL
) STRICT;
INSERT INTO heartbeat (id, at) VALUES (1, 0);
