#pragma once
// SQL functions the queries use that SQLite lacks, registered on every connection.
#include <sqlite3.h>

namespace store::sqlite {

// blc_contains_folded(haystack, needle): 1 when the ICU case fold of `haystack` contains
// `needle` (already folded by the caller) as a plain substring, no wildcards; NULL when either
// is NULL. SQLite's own LIKE and lower() fold ASCII only, so "łukasz" would miss "ŁUKASZ".
void register_text_functions(sqlite3* db);

}  // namespace store::sqlite
