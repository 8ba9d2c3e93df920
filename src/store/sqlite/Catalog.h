#pragma once
// The SQLite catalogue. Reads are set-based (one statement per related set for a whole page);
// writes run in one BEGIN IMMEDIATE transaction per call.
#include "store/Store.h"
#include "store/sqlite/Pool.h"
#include "store/sqlite/ProductIds.h"

namespace store::sqlite {

class SqliteCatalog final : public Catalog {
  public:
    SqliteCatalog(Pool& pool, const StoreOptions& options)
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

// The reported price of `products p`; ?<n> is the use_promo_price flag. Shared by every read.
#define BLC_REPORTED_PRICE(n) \
    "(CASE WHEN ?" #n " AND p.promo_price IS NOT NULL THEN p.promo_price ELSE p.price END)"

// "[1,2,3]": a list of ids as one bound parameter for json_each(), never pasted into SQL.
std::string json_id_array(std::span<const Id> ids);

}  // namespace store::sqlite
