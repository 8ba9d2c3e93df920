// The journal method whose SQL differs from SQLite's; the rest is shared
// (sql/Journal.h), compiled here once.
#include "store/postgres/Journal.h"

#include <string>

#include "store/postgres/Arrays.h"

// An explicit specialization belongs to the template's namespace.
namespace store::sql {

using postgres::ArrayBuilder;

template <>
void SqlJournal<postgres::Dialect>::append(std::span<const JournalEntry> entries) {
    if (entries.empty()) return;
    // One statement for the whole batch: each column travels as one array parameter, and
    // unnest() turns the arrays back into rows (in order, so ids follow the batch's order).
    ArrayBuilder at_ms, request_id, client, action, duration_us, http_status, outcome,
        response_bytes, detail;
    for (const JournalEntry& e : entries) {
        at_ms.add(e.at_ms);
        request_id.add(e.request_id);
        client.add(e.client);
        action.add(e.action);
        duration_us.add(e.duration_us);
        http_status.add(static_cast<std::int64_t>(e.http_status));
        outcome.add(e.outcome);
        response_bytes.add(e.response_bytes);
        detail.add(e.detail);
    }
    auto conn = pool_.acquire();
    conn->prepare(
            "INSERT INTO journal (at_ms, request_id, client, action, duration_us, http_status,"
            " outcome, response_bytes, detail)"
            " SELECT a, b, c, d, e, f, g, h, i FROM unnest($1::bigint[], $2::text[], $3::text[], "
            "$4::text[],"
            " $5::bigint[], $6::bigint[], $7::text[], $8::bigint[], $9::text[])"
            " WITH ORDINALITY AS t(a, b, c, d, e, f, g, h, i, n) ORDER BY n")
        .bind(1, at_ms.str())
        .bind(2, request_id.str())
        .bind(3, client.str())
        .bind(4, action.str())
        .bind(5, duration_us.str())
        .bind(6, http_status.str())
        .bind(7, outcome.str())
        .bind(8, response_bytes.str())
        .bind(9, detail.str())
        .run();
}

}  // namespace store::sql

template class store::sql::SqlJournal<store::postgres::Dialect>;
