// The guard's store side. A batch is judged after its rows are locked, in the transaction that
// would apply it: the figures are what the database holds at that moment, on both backends. Two
// identical batches lock the same rows, so the second one waits for the first to commit and
// then finds it held (one copy, its re-sends counted) — on PostgreSQL as on SQLite.
#include "store/engine/HeldChanges.h"

#include <algorithm>
#include <cstdio>
#include <type_traits>

#include "store/engine/BatchChanges.h"
#include "store/engine/MassChangeGuard.h"

namespace store::engine {
namespace {

constexpr const char* kBatchColumns =
    "SELECT id, kind, state, rule, tripped, out_of, summary, entry_count, created_at,"
    " last_sent_at, resends, decided_by, decided_at, applied FROM held_changes";

HeldBatch batch_of(const Statement& st) {
    HeldBatch b;
    b.id = st.integer(0);
    b.kind = st.text_view(1) == "price" ? HeldKind::Price : HeldKind::Stock;
    b.state = held_state_from(st.text(2)).value_or(HeldState::Held);
    b.rule = st.text(3);
    b.tripped = st.integer(4);
    b.out_of = st.integer(5);
    b.summary = st.text(6);
    b.entry_count = st.integer(7);
    b.created_at = st.integer(8);
    b.last_sent_at = st.integer(9);
    b.resends = st.integer(10);
    b.decided_by = st.text(11);
    b.decided_at = st.integer(12);
    b.applied = st.optional_integer(13);
    return b;
}

std::optional<HeldBatch> read_batch(Port& port, Connection& conn, Id id, bool lock) {
    auto st = conn.prepare(std::string(kBatchColumns) + " WHERE id = ?1" +
                           (lock ? port.dialect().lock_rows() : ""));
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return batch_of(st);
}

// ---- the entries, one codec per kind ------------------------------------------------------

const std::vector<ColumnType> kEntryColumns = {
    ColumnType::Integer, ColumnType::Integer, ColumnType::Integer, ColumnType::Integer,
    ColumnType::Text,    ColumnType::Integer, ColumnType::Integer};

void add_entry(Rows& rows, const StockChange& c) {
    rows.add(static_cast<std::int64_t>(c.entry)).add(c.product_id).add(c.variant_id);
    rows.add(c.op == StockOp::Set ? "set" : "change").add(c.quantity).add_null();
}

void add_entry(Rows& rows, const PriceChange& c) {
    rows.add(static_cast<std::int64_t>(c.entry)).add(c.product_id).add(c.variant_id);
    rows.add_null().add_null().add(c.price.minor());
}

// Columns: entry, product_id, variant_id, op, quantity, price.
void read_entry(const Statement& st, StockChange& c) {
    c.entry = static_cast<std::size_t>(st.integer(0));
    c.product_id = st.integer(1);
    c.variant_id = st.integer(2);
    c.op = st.text_view(3) == "set" ? StockOp::Set : StockOp::Change;
    c.quantity = st.integer(4);
}

void read_entry(const Statement& st, PriceChange& c) {
    c.entry = static_cast<std::size_t>(st.integer(0));
    c.product_id = st.integer(1);
    c.variant_id = st.integer(2);
    c.price = core::Money::from_minor(st.integer(5));
}

template <class Change>
std::vector<Change> read_entries(Connection& conn, Id held_id) {
    auto st = conn.prepare(
        "SELECT entry, product_id, variant_id, op, quantity, price FROM held_change_entries"
        " WHERE held_id = ?1 ORDER BY position");
    st.bind(1, held_id);
    std::vector<Change> out;
    while (st.step()) read_entry(st, out.emplace_back());
    return out;
}

bool same(const StockChange& a, const StockChange& b) {
    return a.entry == b.entry && a.product_id == b.product_id && a.variant_id == b.variant_id &&
           a.op == b.op && a.quantity == b.quantity;
}

bool same(const PriceChange& a, const PriceChange& b) {
    return a.entry == b.entry && a.product_id == b.product_id && a.variant_id == b.variant_id &&
           a.price == b.price;
}

template <class Change>
HeldKind kind_of() {
    return std::is_same_v<Change, StockChange> ? HeldKind::Stock : HeldKind::Price;
}

// FNV-1a (64 bits) of the entries: stable across processes and versions, to find a re-send.
template <class Change>
std::string fingerprint(std::span<const Change> changes) {
    std::uint64_t h = 14695981039346656037ull;
    auto mix = [&h](std::int64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= static_cast<std::uint64_t>(v >> (8 * i)) & 0xff;
            h *= 1099511628211ull;
        }
    };
    for (const Change& c : changes) {
        mix(static_cast<std::int64_t>(c.entry));
        mix(c.product_id);
        mix(c.variant_id);
        if constexpr (std::is_same_v<Change, StockChange>) {
            mix(c.op == StockOp::Set ? 1 : 2);
            mix(c.quantity);
        } else {
            mix(c.price.minor());
        }
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

// A batch held now with exactly these entries, if any.
template <class Change>
std::optional<Id> find_held(Connection& conn, std::span<const Change> changes,
                            const std::string& print) {
    auto st = conn.prepare(
        "SELECT id FROM held_changes WHERE state = 'held' AND kind = ?1 AND fingerprint = ?2"
        " AND entry_count = ?3 ORDER BY id");
    st.bind(1, held_kind_name(kind_of<Change>())).bind(2, print);
    st.bind(3, static_cast<std::int64_t>(changes.size()));
    std::vector<Id> candidates;
    while (st.step()) candidates.push_back(st.integer(0));
    for (Id id : candidates) {
        const auto held = read_entries<Change>(conn, id);
        if (std::equal(held.begin(), held.end(), changes.begin(), changes.end(),
                       [](const Change& a, const Change& b) { return same(a, b); }))
            return id;
    }
    return std::nullopt;
}

template <class Change>
Id hold(Port& port, Connection& conn, std::span<const Change> changes, const Verdict& verdict,
        const std::string& print, std::int64_t now) {
    auto st = conn.prepare(
        "INSERT INTO held_changes (kind, rule, tripped, out_of, summary, entry_count,"
        " fingerprint, created_at, last_sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"
        " RETURNING id");
    st.bind(1, held_kind_name(kind_of<Change>())).bind(2, verdict.rule);
    st.bind(3, verdict.tripped).bind(4, verdict.out_of).bind(5, verdict.summary);
    st.bind(6, static_cast<std::int64_t>(changes.size())).bind(7, print).bind(8, now);
    st.step_row();
    const Id id = st.integer(0);
    Rows rows(kEntryColumns);
    std::int64_t position = 0;
    for (const Change& c : changes) add_entry(rows.add(position++), c);
    if (rows.size() == 0) return id;
    auto insert = conn.prepare(
        "INSERT INTO held_change_entries (held_id, position, entry, product_id, variant_id, op,"
        " quantity, price) SELECT CAST(?1 AS BIGINT), u.c0, u.c1, u.c2, u.c3, u.c4, u.c5, u.c6"
        " FROM " +
        port.rows_relation(conn, kEntryColumns, 2, "u"));
    insert.bind(1, id);
    port.bind_rows(conn, insert, 2, rows);
    insert.run();
    return id;
}

// Held (stored, or counted as a re-send of the same batch held before): the batch's row.
template <class Change>
HeldBatch hold_or_count(Port& port, Connection& conn, std::span<const Change> changes,
                        const Verdict& verdict, std::int64_t now) {
    const std::string print = fingerprint(changes);
    std::optional<Id> id = find_held(conn, changes, print);
    if (id) {
        conn.prepare(
                "UPDATE held_changes SET resends = resends + 1, last_sent_at = ?1 WHERE id = ?2")
            .bind(1, now)
            .bind(2, *id)
            .run();
    } else {
        id = hold(port, conn, changes, verdict, print, now);
    }
    return *read_batch(port, conn, *id, false);
}

// ---- the figures the rules judge --------------------------------------------------------

template <class Change>
std::vector<std::optional<std::int64_t>> current_values(Connection& conn,
                                                        std::span<const Change> changes) {
    constexpr bool for_price = std::is_same_v<Change, PriceChange>;
    std::vector<std::optional<std::int64_t>> current;
    for (const Change& c : changes) {
        std::string reason;
        auto target = batch::resolve(conn, c.product_id, c.variant_id, for_price, reason);
        current.push_back(target ? std::optional(target->current) : std::nullopt);
    }
    return current;
}

StockFigures stock_figures(Port& port, Connection& conn, std::span<const StockChange> changes) {
    StockFigures figures;
    figures.current = current_values(conn, changes);
    std::vector<Id> ids;
    for (std::size_t i = 0; i < changes.size(); ++i)
        if (figures.current[i]) ids.push_back(changes[i].product_id);
    const Dialect& d = port.dialect();
    if (!ids.empty()) {
        auto st = conn.prepare("SELECT id, quantity, active FROM products WHERE id" + d.in_ids(1));
        st.bind(1, d.ids(ids));
        while (st.step()) figures.products[st.integer(0)] = {st.integer(1), st.boolean(2)};
    }
    auto count = conn.prepare("SELECT COUNT(*) FROM products WHERE active = ?1");
    count.bind(1, true).step_row();
    figures.active_products = count.integer(0);
    return figures;
}

std::optional<Verdict> judge(Port& port, Connection& conn, std::span<const StockChange> changes,
                             const GuardRules& rules) {
    if (!zeroed_rule_applies(rules, changes.size())) return std::nullopt;
    return judge_stock(changes, stock_figures(port, conn, changes), rules);
}

std::optional<Verdict> judge(Port&, Connection& conn, std::span<const PriceChange> changes,
                             const GuardRules& rules) {
    if (!price_rule_applies(rules)) return std::nullopt;
    return judge_prices(changes, current_values(conn, changes), rules);
}

BatchResult apply_batch(Port& port, Connection& conn, std::span<const StockChange> changes, bool) {
    return batch::apply_stock(port, conn, changes);
}

BatchResult apply_batch(Port& port, Connection& conn, std::span<const PriceChange> changes,
                        bool use_promo) {
    return batch::apply_prices(port, conn, changes, use_promo);
}

template <class Change>
GuardedResult submit(Port& port, std::span<const Change> changes, const GuardRules& rules,
                     std::int64_t now, bool use_promo) {
    return write(port, [&](Connection& conn) {
        batch::lock_rows(port, conn, changes);
        GuardedResult out;
        if (auto verdict = judge(port, conn, changes, rules)) {
            out.held = hold_or_count(port, conn, changes, *verdict, now);
        } else {
            out.result = apply_batch(port, conn, changes, use_promo);
        }
        return out;
    });
}

// The held batch `id`, locked for a decision: NotFound / Conflict when there is none to take.
core::Result<HeldBatch> pending(Port& port, Connection& conn, Id id) {
    auto batch = read_batch(port, conn, id, true);
    if (!batch) return core::Status::not_found("no held change " + std::to_string(id), "id");
    if (batch->state != HeldState::Held)
        return core::Status::conflict("id", "held change " + std::to_string(id) + " was already " +
                                                held_state_name(batch->state));
    return *batch;
}

void decide(Connection& conn, Id id, HeldState state, const std::string& actor, std::int64_t now,
            std::optional<std::int64_t> applied) {
    conn.prepare(
            "UPDATE held_changes SET state = ?1, decided_by = ?2, decided_at = ?3,"
            " applied = ?4 WHERE id = ?5")
        .bind(1, held_state_name(state))
        .bind(2, actor)
        .bind(3, now)
        .bind(4, applied)
        .bind(5, id)
        .run();
}

}  // namespace

GuardedResult HeldChanges::submit_stock(std::span<const StockChange> changes,
                                        const GuardRules& rules, std::int64_t now) {
    return submit(port_, changes, rules, now, use_promo_);
}

GuardedResult HeldChanges::submit_prices(std::span<const PriceChange> changes,
                                         const GuardRules& rules, std::int64_t now) {
    return submit(port_, changes, rules, now, use_promo_);
}

std::vector<HeldBatch> HeldChanges::list(std::optional<HeldState> state, std::int64_t limit) {
    return read(port_, [&](Connection& conn) {
        auto st = conn.prepare(std::string(kBatchColumns) +
                               (state ? " WHERE state = ?2" : " WHERE ?2 = ''") +
                               " ORDER BY id DESC LIMIT ?1");
        st.bind(1, limit).bind(2, state ? held_state_name(*state) : "");
        std::vector<HeldBatch> out;
        while (st.step()) out.push_back(batch_of(st));
        return out;
    });
}

std::optional<HeldDetail> HeldChanges::detail(Id id) {
    return read(port_, [&](Connection& conn) -> std::optional<HeldDetail> {
        auto batch = read_batch(port_, conn, id, false);
        if (!batch) return std::nullopt;
        HeldDetail d;
        static_cast<HeldBatch&>(d) = *batch;
        if (batch->kind == HeldKind::Stock)
            d.stock = read_entries<StockChange>(conn, id);
        else
            d.prices = read_entries<PriceChange>(conn, id);
        return d;
    });
}

std::int64_t HeldChanges::held_count() {
    return read(port_, [&](Connection& conn) {
        auto st = conn.prepare("SELECT COUNT(*) FROM held_changes WHERE state = 'held'");
        st.step_row();
        return st.integer(0);
    });
}

// The held entries through the normal batch rules (skips and clamps noted as for BaseLinker's
// batch), without the guard, in the transaction that records the decision.
core::Result<BatchResult> HeldChanges::apply(Id id, const std::string& actor, std::int64_t now) {
    return write(port_, [&](Connection& conn) -> core::Result<BatchResult> {
        auto batch = pending(port_, conn, id);
        if (!batch) return batch.status();
        BatchResult result;
        if (batch->kind == HeldKind::Stock) {
            result = batch::apply_stock(port_, conn, read_entries<StockChange>(conn, id));
        } else {
            result =
                batch::apply_prices(port_, conn, read_entries<PriceChange>(conn, id), use_promo_);
        }
        decide(conn, id, HeldState::Applied, actor, now, result.applied);
        return result;
    });
}

core::Status HeldChanges::discard(Id id, const std::string& actor, std::int64_t now) {
    return write(port_, [&](Connection& conn) -> core::Status {
        auto batch = pending(port_, conn, id);
        if (!batch) return batch.status();
        decide(conn, id, HeldState::Discarded, actor, now, std::nullopt);
        return {};
    });
}

}  // namespace store::engine
