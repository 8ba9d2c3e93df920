// ProductsData: the shared reads (sql/ProductDetails.h) with the ids as one bigint[] parameter.
#include "store/sql/ProductDetails.h"

#include "store/postgres/Catalog.h"
#include "store/postgres/Dialect.h"

namespace store::postgres {

std::vector<ProductDetail> PgCatalog::product_details(std::span<const Id> ids, DetailParts parts) {
    return sql::product_details<Dialect>(pool_, ids, parts, use_promo_);
}

}  // namespace store::postgres
