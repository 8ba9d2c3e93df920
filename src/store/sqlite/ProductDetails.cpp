// ProductsData: the shared reads (sql/ProductDetails.h) with the ids as one JSON array.
#include "store/sql/ProductDetails.h"

#include "store/sqlite/Catalog.h"
#include "store/sqlite/Dialect.h"

namespace store::sqlite {

std::vector<ProductDetail> SqliteCatalog::product_details(std::span<const Id> ids,
                                                          DetailParts parts) {
    return sql::product_details<Dialect>(pool_, ids, parts, use_promo_);
}

}  // namespace store::sqlite
