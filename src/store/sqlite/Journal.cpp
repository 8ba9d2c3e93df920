#include "store/sqlite/Journal.h"

#include <map>
#include <string>

namespace store::sqlite {
namespace {

#define BLC_JOURNAL_COLUMNS                                                             \
    "SELECT id, at_ms, request_id, client, action, duration_us, http_status, outcome, " \
    "response_bytes, detail FROM journal"

JournalEntry read_entry(const Statement& st) {
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
    return e;
}

}  // namespace

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
    std::string sql = BLC_JOURNAL_COLUMNS " WHERE 1";
    if (q.from_ms) sql += " AND at_ms >= ?1";
    if (q.to_ms) sql += " AND at_ms <= ?2";
    if (q.action) sql += " AND action = ?3";
    if (q.outcome) sql += " AND outcome = ?6";
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
    if (q.outcome) st.bind(6, *q.outcome);
    std::vector<JournalEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

std::int64_t SqliteJournal::prune_before(std::int64_t at_ms) {
    auto conn = pool_.acquire();
    conn->prepare("DELETE FROM journal WHERE at_ms < ?1").bind(1, at_ms).run();
    return conn->changes();
}

std::optional<JournalEntry> SqliteJournal::entry(std::int64_t id) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(BLC_JOURNAL_COLUMNS " WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_entry(st);
}

std::vector<ActionLastOk> SqliteJournal::last_ok_by_action(std::int64_t since_ms) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // both reads see the same entries
    // The journal holds every request of the retention period: walk the distinct actions on the
    // (action, id) index and, per action, back from the newest entry to the newest "ok" one,
    // instead of grouping the whole table.
    auto last = conn->prepare(
        "WITH RECURSIVE actions(action) AS ("
        " SELECT MIN(action) FROM journal"
        " UNION ALL"
        " SELECT (SELECT MIN(j.action) FROM journal j WHERE j.action > actions.action)"
        " FROM actions WHERE actions.action IS NOT NULL)"
        " SELECT a.action, COALESCE((SELECT j.at_ms FROM journal j"
        " WHERE j.action = a.action AND j.outcome = 'ok' ORDER BY j.id DESC LIMIT 1), 0)"
        " FROM actions a WHERE a.action IS NOT NULL ORDER BY a.action");
    std::map<std::string, ActionLastOk> by_action;
    while (last.step()) {
        std::string action = last.text(0);
        by_action[action] = ActionLastOk{action, last.integer(1), 0};
    }
    // The recent calls come from the time index: a range of one day, whatever the retention.
    // "+action": grouped on the (action, id) index instead, SQLite would scan the whole table.
    auto recent =
        conn->prepare("SELECT action, COUNT(*) FROM journal WHERE at_ms > ?1 GROUP BY +action");
    recent.bind(1, since_ms);
    while (recent.step()) {
        auto it = by_action.find(recent.text(0));
        if (it != by_action.end()) it->second.calls_24h = recent.integer(1);
    }
    tx.commit();
    std::vector<ActionLastOk> out;
    out.reserve(by_action.size());
    for (auto& [action, row] : by_action) out.push_back(std::move(row));
    return out;
}

}  // namespace store::sqlite
