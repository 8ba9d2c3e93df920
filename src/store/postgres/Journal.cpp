#include "store/postgres/Journal.h"

#include <map>
#include <string>

#include "store/postgres/Arrays.h"

namespace store::postgres {
namespace {

#define BLC_PG_JOURNAL_COLUMNS                                                          \
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

void PgJournal::append(std::span<const JournalEntry> entries) {
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

std::vector<JournalEntry> PgJournal::query(const JournalQuery& q) {
    // Only fixed fragments are concatenated; every value is a bound parameter, numbered in the
    // order the fragments appear (PostgreSQL wants no gaps in $n).
    std::string sql = BLC_PG_JOURNAL_COLUMNS " WHERE TRUE";
    int n = 0;
    auto next = [&] { return "$" + std::to_string(++n); };
    if (q.from_ms) sql += " AND at_ms >= " + next() + "::bigint";
    if (q.to_ms) sql += " AND at_ms <= " + next() + "::bigint";
    if (q.action) sql += " AND action = " + next() + "::text";
    if (q.outcome) sql += " AND outcome = " + next() + "::text";
    if (q.errors_only) sql += " AND outcome <> 'ok'";
    if (q.before_id) sql += " AND id < " + next() + "::bigint";
    sql += " ORDER BY id DESC LIMIT " + next() + "::bigint";

    auto conn = pool_.acquire();
    auto st = conn->prepare(sql);
    int i = 0;
    if (q.from_ms) st.bind(++i, *q.from_ms);
    if (q.to_ms) st.bind(++i, *q.to_ms);
    if (q.action) st.bind(++i, *q.action);
    if (q.outcome) st.bind(++i, *q.outcome);
    if (q.before_id) st.bind(++i, *q.before_id);
    // SQLite reads a negative LIMIT as "no limit"; PostgreSQL refuses it, NULL means the same.
    if (q.limit < 0)
        st.bind_null(++i);
    else
        st.bind(++i, q.limit);
    std::vector<JournalEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

std::int64_t PgJournal::prune_before(std::int64_t at_ms) {
    auto conn = pool_.acquire();
    auto st = conn->prepare("DELETE FROM journal WHERE at_ms < $1::bigint");
    st.bind(1, at_ms).run();
    return st.affected();
}

std::optional<JournalEntry> PgJournal::entry(std::int64_t id) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(BLC_PG_JOURNAL_COLUMNS " WHERE id = $1::bigint");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_entry(st);
}

std::vector<ActionLastOk> PgJournal::last_ok_by_action(std::int64_t since_ms) {
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Read);  // both reads see the same entries
    // The journal holds every request of the retention period: walk the distinct actions on the
    // (action, id) index (a loose index scan) and, per action, back from the newest entry to the
    // newest "ok" one, instead of grouping the whole table.
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
    auto recent = conn->prepare(
        "SELECT action, COUNT(*) FROM journal WHERE at_ms > $1::bigint GROUP BY action");
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

}  // namespace store::postgres
