#pragma once
// SQL written once for both backends uses SQLite's numbered parameters (`?1`, `?2`...); libpq
// only knows `$1`, `$2`... Connection::prepare rewrites the first into the second, so that a
// statement that is the same in both dialects needs no second copy.
#include <string>
#include <string_view>

namespace store::postgres {

// `sql` with every `?N` (a `?` followed by digits) outside string literals ('...', E'...'),
// quoted identifiers ("...") and comments (-- ..., /* ... */) turned into `$N`. Anything else,
// including a `?` not followed by a digit (jsonb operators) and `$N` already there, is kept.
// Dollar-quoted strings ($$...$$) are not recognised: the shared SQL has none.
std::string pg_placeholders(std::string_view sql);

}  // namespace store::postgres
