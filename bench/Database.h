#pragma once
// The benchmark database: made with `blconnect init --demo`, reused when it already holds the
// requested number of products (a 1M-product shop takes minutes to generate).
#include <cstdint>
#include <string>

namespace bench {

struct DatabaseSetup {
    bool reused = false;
    double import_seconds = 0;  // wall time of `blconnect init` (0 when reused)
};

DatabaseSetup ensure_database(const std::string& binary, const std::string& path,
                              std::int64_t products);

// Products in the database at `path`; -1 when it cannot be opened as a current blconnect db.
std::int64_t existing_product_count(const std::string& path);

// Bytes of the database file plus its WAL.
std::int64_t database_bytes(const std::string& path);

// Deletes the database and its -wal/-shm companions.
void remove_database(const std::string& path);

// "" for a SQLite file; for a postgresql:// URL the server's version and its commit settings
// (fsync, synchronous_commit, full_page_writes), for the report's server line.
std::string postgres_description(const std::string& db);

}  // namespace bench
