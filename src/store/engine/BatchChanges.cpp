// ProductsQuantityUpdate / ProductsPriceUpdate: one write per batch, entries applied in order,
// bad entries skipped with a reason for the journal. Every row the batch changes is locked
// first (variants, then products, each in id order: the order every stock writer follows), so
// that each entry then reads the value it changes and writes the result: no concurrent change
// (an order, another process) is lost between the two.
#include "store/engine/BatchChanges.h"

#include "store/engine/Catalog.h"

namespace store::engine::batch {
namespace {

void write_value(Connection& conn, const char* product_sql, const char* variant_sql,
                 bool product_row, Id product_id, Id variant_id, std::int64_t value) {
    if (product_row)
        conn.prepare(product_sql).bind(1, value).bind(2, product_id).run();
    else
        conn.prepare(variant_sql).bind(1, value).bind(2, variant_id).run();
}

// The reported price is the promotional one while a promotion runs; a price set from outside
// must be the price customers see afterwards, so it ends the promotion (noted in the journal).
void end_promotion(Connection& conn, const PriceChange& c, std::vector<EntryNote>& notes) {
    auto st = conn.prepare("SELECT 1 FROM products WHERE id = ?1 AND promo_price IS NOT NULL");
    st.bind(1, c.product_id);
    if (!st.step()) return;
    conn.prepare("UPDATE products SET promo_price = NULL WHERE id = ?1")
        .bind(1, c.product_id)
        .run();
    notes.push_back(EntryNote{c.entry, true, "promotional price removed"});
}

template <class Entry>
void lock_entries(Port& port, Connection& conn, std::span<const Entry> entries) {
    const Dialect& d = port.dialect();
    if (*d.lock_rows() == '\0' || entries.empty()) return;
    std::vector<Id> products, variants;
    for (const Entry& e : entries) {
        products.push_back(e.product_id);
        if (e.variant_id != 0) variants.push_back(e.variant_id);
    }
    if (!variants.empty())
        conn.prepare("SELECT 1 FROM variants WHERE id" + d.in_ids(1) + " ORDER BY id" +
                     d.lock_rows())
            .bind(1, d.ids(variants))
            .run();
    conn.prepare("SELECT 1 FROM products WHERE id" + d.in_ids(1) + " ORDER BY id" + d.lock_rows())
        .bind(1, d.ids(products))
        .run();
}

}  // namespace

std::optional<Target> resolve(Connection& conn, Id product_id, Id variant_id, bool for_price,
                              std::string& reason) {
    auto p = conn.prepare("SELECT variant_count, quantity, price FROM products WHERE id = ?1");
    p.bind(1, product_id);
    if (!p.step()) {
        reason = "unknown product " + std::to_string(product_id);
        return std::nullopt;
    }
    if (variant_id == 0) {
        // A product with variants reports their sum; its own stock cannot be set. Its own price
        // is still the product's price, so prices of variant 0 are allowed.
        if (!for_price && p.integer(0) > 0) {
            reason = "product " + std::to_string(product_id) + " has variants";
            return std::nullopt;
        }
        return Target{true, p.integer(for_price ? 2 : 1)};
    }
    auto v = conn.prepare("SELECT stock, price FROM variants WHERE id = ?1 AND product_id = ?2");
    v.bind(1, variant_id).bind(2, product_id);
    if (!v.step()) {
        reason = "unknown variant " + std::to_string(variant_id) + " of product " +
                 std::to_string(product_id);
        return std::nullopt;
    }
    return Target{false, v.integer(for_price ? 1 : 0)};
}

std::optional<std::int64_t> new_stock(const StockChange& c, std::int64_t current,
                                      std::optional<EntryNote>& note) {
    if (c.op == StockOp::Set) {
        if (c.quantity < 0) {
            note = EntryNote{c.entry, false, "negative quantity " + std::to_string(c.quantity)};
            return std::nullopt;
        }
        if (c.quantity > kMaxStock) {
            note = EntryNote{c.entry, false,
                             "quantity " + std::to_string(c.quantity) + " above the maximum " +
                                 std::to_string(kMaxStock)};
            return std::nullopt;
        }
        return c.quantity;
    }
    std::int64_t sum = 0;
    if (__builtin_add_overflow(current, c.quantity, &sum)) {
        note = EntryNote{c.entry, false, "quantity out of range"};  // not a change anybody meant
        return std::nullopt;
    }
    if (sum < 0 || sum > kMaxStock) {
        const std::int64_t clamped = sum < 0 ? 0 : kMaxStock;
        note =
            EntryNote{c.entry, true,
                      "clamped to " + std::to_string(clamped) + " (stock " +
                          std::to_string(current) + ", change " + std::to_string(c.quantity) + ")"};
        return clamped;
    }
    return sum;
}

void lock_rows(Port& port, Connection& conn, std::span<const StockChange> entries) {
    lock_entries(port, conn, entries);
}

void lock_rows(Port& port, Connection& conn, std::span<const PriceChange> entries) {
    lock_entries(port, conn, entries);
}

BatchResult apply_stock(Port& port, Connection& conn, std::span<const StockChange> changes) {
    BatchResult result;
    lock_rows(port, conn, changes);
    for (const StockChange& c : changes) {
        std::string reason;
        auto target = resolve(conn, c.product_id, c.variant_id, false, reason);
        if (!target) {
            result.notes.push_back(EntryNote{c.entry, false, reason});
            continue;
        }
        std::optional<EntryNote> note;
        auto value = new_stock(c, target->current, note);
        if (note) result.notes.push_back(*note);
        if (!value) continue;
        // The variants' triggers keep the product's reported quantity equal to their sum.
        write_value(conn, "UPDATE products SET quantity = ?1 WHERE id = ?2",
                    "UPDATE variants SET stock = ?1 WHERE id = ?2", target->product_row,
                    c.product_id, c.variant_id, *value);
        ++result.applied;
    }
    return result;
}

BatchResult apply_prices(Port& port, Connection& conn, std::span<const PriceChange> changes,
                         bool use_promo) {
    BatchResult result;
    lock_rows(port, conn, changes);
    for (const PriceChange& c : changes) {
        if (c.price.minor() <= 0) {
            result.notes.push_back(EntryNote{c.entry, false, "price must be above 0"});
            continue;
        }
        std::string reason;
        auto target = resolve(conn, c.product_id, c.variant_id, true, reason);
        if (!target) {
            result.notes.push_back(EntryNote{c.entry, false, reason});
            continue;
        }
        if (target->product_row && use_promo) end_promotion(conn, c, result.notes);
        write_value(conn, "UPDATE products SET price = ?1 WHERE id = ?2",
                    "UPDATE variants SET price = ?1 WHERE id = ?2", target->product_row,
                    c.product_id, c.variant_id, c.price.minor());
        ++result.applied;
    }
    return result;
}

}  // namespace store::engine::batch

namespace store::engine {

BatchResult Catalog::apply_stock_changes(std::span<const StockChange> changes) {
    return write(port_, [&](Connection& conn) { return batch::apply_stock(port_, conn, changes); });
}

BatchResult Catalog::apply_price_changes(std::span<const PriceChange> changes) {
    return write(port_, [&](Connection& conn) {
        return batch::apply_prices(port_, conn, changes, use_promo_);
    });
}

}  // namespace store::engine
