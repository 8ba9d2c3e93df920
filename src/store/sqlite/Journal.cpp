// The journal method whose SQL differs from PostgreSQL's; the rest is shared
// (sql/Journal.h), compiled here once.
#include "store/sqlite/Journal.h"

#include <string>

// An explicit specialization belongs to the template's namespace.
namespace store::sql {

using sqlite::Transaction;
using sqlite::TxKind;

template <>
void SqlJournal<sqlite::Dialect>::append(std::span<const JournalEntry> entries) {
    if (entries.empty()) return;
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Write);
    for (const JournalEntry& e : entries) {
        conn->prepare(
                "INSERT INTO journal (at_ms, request_id, client, action, duration_us, "
                "http_status, outcome, response_bytes, detail) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bind(1, e.at_ms)
            .bind(2, e.request_id)
            .bind(3, e.client)
            .bind(4, e.action)
            .bind(5, e.duration_us)
            .bind(6, e.http_status)
            .bind(7, e.outcome)
            .bind(8, e.response_bytes)
            .bind(9, e.detail)
            .run();
    }
    tx.commit();
}

}  // namespace store::sql

template class store::sql::SqlJournal<store::sqlite::Dialect>;
