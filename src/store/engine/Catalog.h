#pragma once
// The catalogue, written once for both backends. Reads are set-based (one statement per related
// set for a whole page) from one snapshot; writes run in one write transaction per call.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "store/Store.h"
#include "store/engine/Port.h"
#include "store/engine/ProductIds.h"

namespace store::engine {

class Catalog final : public store::Catalog {
  public:
    Catalog(Port& port, const StoreOptions& options)
        : port_(port),
          use_promo_(options.use_promo_price),
          import_chunk_(static_cast<std::size_t>(std::max(options.import_chunk, 1))) {}

    std::vector<CategoryPath> active_category_paths() override;
    ProductListPage list_products(const ProductFilter& filter, Slice slice) override;
    std::vector<ProductDetail> product_details(std::span<const Id> ids, DetailParts parts) override;
    std::int64_t product_count() override;
    StockPage stock_page(Slice slice) override;
    PricePage price_page(Slice slice) override;
    BatchResult apply_stock_changes(std::span<const StockChange> changes) override;
    BatchResult apply_price_changes(std::span<const PriceChange> changes) override;
    core::Result<ImportSummary> import(const ImportBatch& batch, ImportProgress progress,
                                       void* progress_user) override;
    core::Result<Id> save_product(std::optional<Id> id, const ImportProduct& product) override;

  private:
    ProductListPage list_by_id(Connection& conn, bool descending, Slice slice);

    Port& port_;
    bool use_promo_;
    std::size_t import_chunk_;
    ProductIds ids_;
};

// The reported price of `products p`: the promotional one when `flag` (the SQL of a boolean
// parameter carrying use_promo_price) is set and the product has one.
std::string reported_price(std::string_view flag);

}  // namespace store::engine
