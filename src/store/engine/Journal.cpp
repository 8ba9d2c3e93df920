#include "store/engine/Journal.h"

namespace store::engine {

void Journal::append(std::span<const JournalEntry> entries) {
    if (entries.empty()) return;
    using T = ColumnType;
    Rows rows({T::Integer, T::Text, T::Text, T::Text, T::Integer, T::Integer, T::Text, T::Integer,
               T::Text});
    for (const JournalEntry& e : entries) {
        rows.add(e.at_ms).add(e.request_id).add(e.client).add(e.action).add(e.duration_us);
        rows.add(static_cast<std::int64_t>(e.http_status)).add(e.outcome);
        rows.add(e.response_bytes).add(e.detail);
    }
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "INSERT INTO journal (at_ms, request_id, client, action, duration_us, http_status,"
        " outcome, response_bytes, detail)"
        " SELECT r.c0, r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7, r.c8 FROM " +
        port_.rows_relation(*conn, rows.types(), 1, "r") + port_.in_row_order("r"));
    port_.bind_rows(*conn, st, 1, rows);
    st.run();
}

std::vector<ActionLastOk> Journal::last_ok_by_action(std::int64_t since_ms) {
    const std::string recent_sql =
        std::string("SELECT action, COUNT(*) FROM journal WHERE at_ms > ?1 GROUP BY ") +
        port_.dialect().journal_group_by_action();
    auto conn = port_.acquire();
    Transaction tx(*conn, TxKind::Read);  // both reads see the same entries
    // The journal holds every request of the retention period: walk the distinct actions on
    // the (action, id) index (a loose index scan) and, per action, back from the newest
    // entry to the newest "ok" one, instead of grouping the whole table.
    auto last = conn->prepare(
        "WITH RECURSIVE actions(action) AS ("
        " SELECT MIN(action) FROM journal"
        " UNION ALL"
        " SELECT (SELECT MIN(j.action) FROM journal j WHERE j.action > a.action)"
        " FROM actions a WHERE a.action IS NOT NULL)"
        " SELECT a.action, COALESCE((SELECT j.at_ms FROM journal j"
        " WHERE j.action = a.action AND j.outcome = 'ok' ORDER BY j.id DESC LIMIT 1), 0)"
        " FROM actions a WHERE a.action IS NOT NULL");
    std::map<std::string, ActionLastOk> by_action;  // sorted by bytes, whatever the collation
    while (last.step()) {
        std::string action = last.text(0);
        by_action[action] = ActionLastOk{action, last.integer(1), 0};
    }
    // The recent calls come from the time index: a range of one day, whatever the retention.
    auto recent = conn->prepare(recent_sql);
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

std::vector<JournalEntry> Journal::query(const JournalQuery& q) {
    // Only fixed fragments are concatenated; every value is a bound parameter, numbered in
    // the order the fragments appear (PostgreSQL wants no gaps).
    std::string sql = std::string(kColumns) + " WHERE TRUE";
    int n = 0;
    auto next = [&] { return "?" + std::to_string(++n); };
    if (q.from_ms) sql += " AND at_ms >= " + next();
    if (q.to_ms) sql += " AND at_ms <= " + next();
    if (q.action) sql += " AND action = " + next();
    if (q.outcome) sql += " AND outcome = " + next();
    if (q.errors_only) sql += " AND outcome <> 'ok'";
    if (q.before_id) sql += " AND id < " + next();
    sql += " ORDER BY id DESC";
    // A negative limit means none: SQLite would read LIMIT -1 so, PostgreSQL refuses it.
    if (q.limit >= 0) sql += " LIMIT " + next();

    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    int i = 0;
    if (q.from_ms) st.bind(++i, *q.from_ms);
    if (q.to_ms) st.bind(++i, *q.to_ms);
    if (q.action) st.bind(++i, *q.action);
    if (q.outcome) st.bind(++i, *q.outcome);
    if (q.before_id) st.bind(++i, *q.before_id);
    if (q.limit >= 0) st.bind(++i, q.limit);
    std::vector<JournalEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

std::int64_t Journal::prune_before(std::int64_t at_ms) {
    auto conn = port_.acquire();
    auto st = conn->prepare("DELETE FROM journal WHERE at_ms < ?1");
    st.bind(1, at_ms).run();
    return st.affected();
}

std::optional<JournalEntry> Journal::entry(std::int64_t id) {
    const std::string sql = std::string(kColumns) + " WHERE id = ?1";
    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_entry(st);
}

JournalEntry Journal::read_entry(const Statement& st) {
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

}  // namespace store::engine
