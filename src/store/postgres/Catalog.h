#pragma once
// The PostgreSQL catalogue, the counterpart of sqlite/Catalog.h with the same behaviour. Reads
// run in one REPEATABLE READ snapshot and are set-based (one statement per related set for a
// whole page, ids passed as one array parameter). Writes are safe with several blconnect
// processes on one database: stock moves are single atomic UPDATEs, never read-then-write in
// C++, and the import writes whole chunks of records per statement.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/Store.h"
#include "store/postgres/Arrays.h"
#include "store/postgres/Pool.h"
#include "store/postgres/ProductIds.h"

namespace store::postgres {

class PgCatalog final : public Catalog {
  public:
    PgCatalog(Pool& pool, const StoreOptions& options)
        : pool_(pool), use_promo_(options.use_promo_price) {}

    std::vector<CategoryPath> active_category_paths() override;
    ProductListPage list_products(const ProductFilter& filter, Slice slice) override;
    std::vector<ProductDetail> product_details(std::span<const Id> ids, DetailParts parts) override;
    std::int64_t product_count() override;
    std::vector<StockRow> stock_page(Slice slice) override;
    std::vector<PriceRow> price_page(Slice slice) override;
    BatchResult apply_stock_changes(std::span<const StockChange> changes) override;
    BatchResult apply_price_changes(std::span<const PriceChange> changes) override;
    ImportSummary import(const ImportBatch& batch, ImportProgress progress,
                         void* progress_user) override;
    Id save_product(std::optional<Id> id, const ImportProduct& product) override;

  private:
    ProductListPage list_by_id(Connection& conn, bool descending, Slice slice);

    Pool& pool_;
    bool use_promo_;
    ProductIds ids_;
};

// The reported price of `products p`; `flag` is the parameter holding use_promo_price
// ("$3::boolean"). Shared by every read that reports a price.
std::string reported_price(std::string_view flag);

// Array elements that ArrayBuilder (Arrays.h) has no overload for. Its add(std::int64_t) would
// take a bool or a double silently, so these name the type.
ArrayBuilder& add_flag(ArrayBuilder& array, bool value);
ArrayBuilder& add_real(ArrayBuilder& array, double value);
ArrayBuilder& add_optional(ArrayBuilder& array, std::optional<std::int64_t> value);  // NULL
ArrayBuilder& add_or_null(ArrayBuilder& array, std::string_view text);               // NULL for ""

// Waits a short, random, growing time before the next try of a transaction that PostgreSQL
// aborted; the random part keeps the transactions that collided from colliding again.
void retry_pause(int tries);

// Runs `attempt` again (a fresh transaction each time) when PostgreSQL aborted it with a
// serialization failure or a deadlock: two processes touching the same rows in another order.
template <class F>
auto retry_on_conflict(F&& attempt) {
    for (int tries = 1;; ++tries) {
        try {
            return attempt();
        } catch (const RetryableError&) {
            if (tries == 5) throw;
        }
        retry_pause(tries);
    }
}

}  // namespace store::postgres
