#include "store/sqlite/Journal.h"

#include <string>

namespace store::sqlite {

void SqliteJournal::append(std::span<const JournalEntry> entries) {
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

std::vector<JournalEntry> SqliteJournal::query(const JournalQuery& q) {
    // Only fixed fragments are concatenated; every value is a bound parameter.
    std::string sql =
        "SELECT id, at_ms, request_id, client, action, duration_us, http_status, outcome, "
        "response_bytes, detail FROM journal WHERE 1";
    if (q.from_ms) sql += " AND at_ms >= ?1";
    if (q.to_ms) sql += " AND at_ms <= ?2";
    if (q.action) sql += " AND action = ?3";
    if (q.errors_only) sql += " AND outcome <> 'ok'";
    if (q.before_id) sql += " AND id < ?4";
    sql += " ORDER BY id DESC LIMIT ?5";

    auto conn = pool_.acquire();
    auto st = conn->prepare(sql);
    if (q.from_ms) st.bind(1, *q.from_ms);
    if (q.to_ms) st.bind(2, *q.to_ms);
    if (q.action) st.bind(3, *q.action);
    if (q.before_id) st.bind(4, *q.before_id);
    st.bind(5, q.limit);
    std::vector<JournalEntry> out;
    while (st.step()) {
        JournalEntry e;
        e.id = st.integer(0);
        e.at_ms = st.integer(1);
        e.request_id = st.text(2);
        e.client = st.text(3);
        e.action = st.text(4);
        e.duration_us = st.integer(5);
        e.http_status = static_cast<int>(st.integer(6));
        e.outcome = st.text(7);
        e.response_bytes = st.integer(8);
        e.detail = st.text(9);
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t SqliteJournal::prune_before(std::int64_t at_ms) {
    auto conn = pool_.acquire();
    conn->prepare("DELETE FROM journal WHERE at_ms < ?1").bind(1, at_ms).run();
    return conn->changes();
}

}  // namespace store::sqlite
