// ProductsQuantityUpdate / ProductsPriceUpdate: one write transaction per batch, entries applied
// in order, bad entries skipped with a reason for the journal.
//
// Several blconnect processes (and their orders) may change the same stock at once, so every
// entry is one UPDATE that computes the new value in SQL from the row it locks; C++ never reads
// a value and writes it back. An UPDATE that finds no row is explained afterwards by a read.
#include <optional>

#include "store/postgres/Catalog.h"

namespace store::postgres {
namespace {

// A change returns the stock it started from (for the clamping note). The sub-select locks the
// row first, so under READ COMMITTED `old` is the latest committed stock and the UPDATE adds to
// that same value: concurrent changes queue on the row lock and none is lost. The guard skips a
// sum beyond BIGINT (stock is never negative, so only upwards).
constexpr const char* kChangeProduct =
    "UPDATE products p SET quantity = GREATEST(p.quantity + $2::bigint, 0)"
    " FROM (SELECT id, quantity FROM products WHERE id = $1::bigint AND variant_count = 0"
    " FOR UPDATE) old"
    " WHERE p.id = old.id AND old.quantity::numeric + $2::bigint <= 9223372036854775807"
    " RETURNING old.quantity";
constexpr const char* kChangeVariant =
    "UPDATE variants v SET stock = GREATEST(v.stock + $3::bigint, 0)"
    " FROM (SELECT id, stock FROM variants WHERE id = $2::bigint AND product_id = $1::bigint"
    " FOR UPDATE) old"
    " WHERE v.id = old.id AND old.stock::numeric + $3::bigint <= 9223372036854775807"
    " RETURNING old.stock";
// A product with variants reports their sum (kept by the variants' triggers): its own stock
// cannot be set.
constexpr const char* kSetProduct =
    "UPDATE products SET quantity = $2::bigint WHERE id = $1::bigint AND variant_count = 0";
constexpr const char* kSetVariant =
    "UPDATE variants SET stock = $3::bigint WHERE id = $2::bigint AND product_id = $1::bigint";

// The reported price is the promotional one while a promotion runs; a price set from outside
// must be the price customers see afterwards, so (with use_promo_price) it ends the promotion.
// Returns whether there was one to end, for the journal.
constexpr const char* kPriceProduct =
    "UPDATE products p SET price = $2::bigint,"
    " promo_price = CASE WHEN $3::boolean THEN NULL ELSE p.promo_price END"
    " FROM (SELECT id, promo_price FROM products WHERE id = $1::bigint FOR UPDATE) old"
    " WHERE p.id = old.id RETURNING $3::boolean AND old.promo_price IS NOT NULL";
constexpr const char* kPriceVariant =
    "UPDATE variants SET price = $3::bigint WHERE id = $2::bigint AND product_id = $1::bigint";

// Why the entry for (product, variant) cannot apply; "" when the row is there (an UPDATE guard
// refused the value instead).
std::string skip_reason(Connection& conn, Id product_id, Id variant_id, bool for_price) {
    auto st = conn.prepare(
        "SELECT p.variant_count, EXISTS (SELECT 1 FROM variants v"
        " WHERE v.id = $2::bigint AND v.product_id = p.id)"
        " FROM products p WHERE p.id = $1::bigint");
    st.bind(1, product_id).bind(2, variant_id);
    if (!st.step()) return "unknown product " + std::to_string(product_id);
    if (variant_id == 0) {
        // Prices of variant 0 are the product's own price, allowed with variants too.
        if (!for_price && st.integer(0) > 0)
            return "product " + std::to_string(product_id) + " has variants";
        return "";
    }
    if (!st.boolean(1))
        return "unknown variant " + std::to_string(variant_id) + " of product " +
               std::to_string(product_id);
    return "";
}

// Binds (product, [variant,] value) as the statement for the entry's target expects.
Statement target_statement(Connection& conn, const char* product_sql, const char* variant_sql,
                           Id product_id, Id variant_id, std::int64_t value) {
    if (variant_id == 0) {
        auto st = conn.prepare(product_sql);
        st.bind(1, product_id).bind(2, value);
        return st;
    }
    auto st = conn.prepare(variant_sql);
    st.bind(1, product_id).bind(2, variant_id).bind(3, value);
    return st;
}

// Applies one stock entry; the stock it started from, or nullopt when no row took it.
std::optional<std::int64_t> write_stock(Connection& conn, const StockChange& c) {
    if (c.op == StockOp::Set) {
        auto st = target_statement(conn, kSetProduct, kSetVariant, c.product_id, c.variant_id,
                                   c.quantity);
        st.run();
        return st.affected() > 0 ? std::optional<std::int64_t>(0) : std::nullopt;
    }
    auto st = target_statement(conn, kChangeProduct, kChangeVariant, c.product_id, c.variant_id,
                               c.quantity);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

void apply_stock(Connection& conn, const StockChange& c, BatchResult& result) {
    auto skip = [&](std::string reason) {
        result.notes.push_back(EntryNote{c.entry, false, std::move(reason)});
    };
    if (c.op == StockOp::Set && c.quantity < 0) {
        std::string reason = skip_reason(conn, c.product_id, c.variant_id, false);
        return skip(reason.empty() ? "negative quantity " + std::to_string(c.quantity) : reason);
    }
    const std::optional<std::int64_t> old = write_stock(conn, c);
    if (!old) {
        std::string reason = skip_reason(conn, c.product_id, c.variant_id, false);
        return skip(reason.empty() ? "quantity out of range" : reason);
    }
    // old >= 0, so the sum cannot overflow downwards.
    if (c.op == StockOp::Change && *old + c.quantity < 0)
        result.notes.push_back(EntryNote{c.entry, true,
                                         "clamped to 0 (stock " + std::to_string(*old) +
                                             ", change " + std::to_string(c.quantity) + ")"});
    ++result.applied;
}

// Applies one price entry; whether it ended a promotion, or nullopt when no row took it.
std::optional<bool> write_price(Connection& conn, const PriceChange& c, bool use_promo) {
    if (c.variant_id != 0) {
        auto st = target_statement(conn, kPriceProduct, kPriceVariant, c.product_id, c.variant_id,
                                   c.price.minor());
        st.run();
        return st.affected() > 0 ? std::optional<bool>(false) : std::nullopt;
    }
    auto st = conn.prepare(kPriceProduct);
    st.bind(1, c.product_id).bind(2, c.price.minor()).bind(3, use_promo);
    if (!st.step()) return std::nullopt;
    return st.boolean(0);
}

void apply_price(Connection& conn, const PriceChange& c, bool use_promo, BatchResult& result) {
    if (c.price.minor() <= 0) {
        result.notes.push_back(EntryNote{c.entry, false, "price must be above 0"});
        return;
    }
    const std::optional<bool> ended_promotion = write_price(conn, c, use_promo);
    if (!ended_promotion) {
        std::string reason = skip_reason(conn, c.product_id, c.variant_id, true);
        result.notes.push_back(EntryNote{c.entry, false, reason.empty() ? "not applied" : reason});
        return;
    }
    if (*ended_promotion)
        result.notes.push_back(EntryNote{c.entry, true, "promotional price removed"});
    ++result.applied;
}

// Locks every row the batch changes before the first change: variants before products (the
// order in which a variant's UPDATE and then its trigger take them), each set in id order. Two
// batches over the same rows then queue instead of deadlocking; a deadlock with a writer that
// takes rows in another order (an order's lines) is retried by retry_on_conflict.
template <class Entry>
void lock_rows(Connection& conn, std::span<const Entry> entries) {
    std::vector<Id> products, variants;
    for (const Entry& e : entries) {
        products.push_back(e.product_id);
        if (e.variant_id != 0) variants.push_back(e.variant_id);
    }
    if (!variants.empty())
        conn.prepare(
                "SELECT 1 FROM variants WHERE id = ANY($1::bigint[]) ORDER BY id"
                " FOR NO KEY UPDATE")
            .bind(1, int_array(variants))
            .run();
    conn.prepare(
            "SELECT 1 FROM products WHERE id = ANY($1::bigint[]) ORDER BY id FOR NO KEY UPDATE")
        .bind(1, int_array(products))
        .run();
}

}  // namespace

BatchResult PgCatalog::apply_stock_changes(std::span<const StockChange> changes) {
    return retry_on_conflict([&] {
        BatchResult result;
        auto conn = pool_.acquire();
        Transaction tx(*conn, TxKind::Write);
        lock_rows(*conn, changes);
        for (const StockChange& c : changes) apply_stock(*conn, c, result);
        tx.commit();
        return result;
    });
}

BatchResult PgCatalog::apply_price_changes(std::span<const PriceChange> changes) {
    return retry_on_conflict([&] {
        BatchResult result;
        auto conn = pool_.acquire();
        Transaction tx(*conn, TxKind::Write);
        lock_rows(*conn, changes);
        for (const PriceChange& c : changes) apply_price(*conn, c, use_promo_, result);
        tx.commit();
        return result;
    });
}

}  // namespace store::postgres
