#pragma once
// The SQL of a product listing, composed from fixed fragments chosen by which filters are set.
// Values are never part of the text: each fragment takes the next `$n` parameter. PostgreSQL
// must infer the type of every parameter it is given, so the numbers are handed out as the
// fragments are chosen (no gaps) rather than fixed as in the SQLite backend.
#include <optional>
#include <string>
#include <vector>

#include "store/CatalogTypes.h"
#include "store/postgres/Connection.h"

namespace store::postgres {

// The parameters of one statement, in order.
class SqlParams {
  public:
    // Adds a value; returns its placeholder with the cast that gives it its type ("$4::bigint").
    std::string add(std::string value, const char* type);
    std::string add(std::int64_t value, const char* type = "bigint");
    void bind(Statement& st) const;

  private:
    std::vector<std::string> values_;
};

struct ListQuery {
    std::string sql;
    SqlParams params;
};

// SELECT COUNT(*) over the filtered products.
ListQuery make_count_query(const ProductFilter& filter, bool use_promo);
// The sorted, sliced rows: id, name, quantity, price, ean, sku.
ListQuery make_page_query(const ProductFilter& filter, bool use_promo, Slice slice);

}  // namespace store::postgres
