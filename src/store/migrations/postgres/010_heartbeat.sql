-- The table of migrations/sqlite/010_heartbeat.sql (comments there).
CREATE TABLE heartbeat (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    at BIGINT NOT NULL
);
INSERT INTO heartbeat (id, at) VALUES (1, 0);
