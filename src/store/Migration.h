#pragma once
// A numbered schema migration, embedded at build time from src/store/migrations/<backend>/.
namespace store {

struct Migration {
    int version;       // NNN of the file name; versions are 1, 2, 3... without gaps
    const char* name;  // file name without extension
    const char* sql;   // statements separated by ';'
};

extern const Migration sqlite_migrations[];
extern const int sqlite_migrations_count;
extern const Migration postgres_migrations[];
extern const int postgres_migrations_count;

}  // namespace store
