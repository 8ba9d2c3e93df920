#pragma once
// The SQL of a product listing, composed from fixed fragments chosen by which filters are set.
// Values are never part of the text: bind() binds them to the numbered parameters.
#include <string>

#include "store/CatalogTypes.h"
#include "store/sqlite/Connection.h"

namespace store::sqlite {

struct ListQuery {
    std::string count_sql;  // SELECT COUNT(*) over the filtered products
    std::string page_sql;   // the sorted, sliced rows: id, name, quantity, price, ean, sku
};

ListQuery make_list_query(const ProductFilter& filter);
// Binds the filter values (and, for the page statement, the slice) to either statement.
void bind_list_query(Statement& st, const ProductFilter& filter, bool use_promo,
                     const Slice* slice);

}  // namespace store::sqlite
