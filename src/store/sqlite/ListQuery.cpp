#include "store/sqlite/ListQuery.h"

#include <algorithm>

#include "store/sqlite/Catalog.h"

namespace store::sqlite {
namespace {

// Parameter numbers, fixed so that every composed statement binds the same way.
enum Param {
    kCategory = 1,
    kId,
    kIds,
    kEan,
    kSku,
    kName,
    kPriceFrom,
    kPriceTo,
    kQuantityFrom,
    kQuantityTo,
    kActive,
    kLimit,
    kOffset,
    kUsePromo,
};

#define PRICE BLC_REPORTED_PRICE(14)

std::string where_clause(const ProductFilter& f) {
    std::string w = " WHERE 1";
    if (f.category_id) w += " AND p.category_id IN sub";
    if (f.id) w += " AND p.id = ?2";
    if (f.ids) w += " AND p.id IN (SELECT value FROM json_each(?3))";
    // The partial index on sku is only usable when the query repeats its condition.
    if (f.ean)
        w += " AND p.id IN (SELECT id FROM products WHERE ean = ?4 AND ean <> ''"
             " UNION SELECT product_id FROM variants WHERE ean = ?4 AND ean <> '')";
    if (f.sku)
        w += " AND p.id IN (SELECT id FROM products WHERE sku = ?5 AND sku <> ''"
             " UNION SELECT product_id FROM variants WHERE sku = ?5 AND sku <> '')";
    if (f.name_folded) w += " AND instr(p.name_folded, ?6) > 0";
    if (f.price_from) w += " AND " PRICE " >= ?7";
    if (f.price_to) w += " AND " PRICE " <= ?8";
    if (f.quantity_from) w += " AND p.quantity >= ?9";
    if (f.quantity_to) w += " AND p.quantity <= ?10";
    if (f.active) w += " AND p.active = ?11";
    return w;
}

const char* sort_column(SortField field) {
    switch (field) {
        case SortField::Name:
            return "p.name_folded";
        case SortField::Quantity:
            return "p.quantity";
        case SortField::Price:
            return PRICE;
        case SortField::Id:
            break;
    }
    return "p.id";
}

std::string order_clause(const ProductFilter& f) {
    const char* dir = f.descending ? " DESC" : " ASC";
    std::string order = " ORDER BY ";
    order += sort_column(f.sort);
    order += dir;
    if (f.sort != SortField::Id) (order += ", p.id") += dir;
    return order;
}

}  // namespace

ListQuery make_list_query(const ProductFilter& f) {
    std::string with = f.category_id ? "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION "
                                       "SELECT c.id FROM categories c JOIN sub ON c.parent_id = "
                                       "sub.id) "
                                     : "";
    std::string where = where_clause(f);
    ListQuery q;
    q.count_sql = with + "SELECT COUNT(*) FROM products p" + where;
    // Ids first: the OFFSET walk then runs over a narrow covering index (products_paging,
    // products_name, products_quantity) instead of the wide rows; only the page's rows are read.
    const std::string order = order_clause(f);
    q.page_sql = with +
                 "SELECT p.id, p.name, p.quantity, " PRICE
                 ", p.ean, p.sku FROM products p WHERE p.id IN (SELECT p.id FROM products p" +
                 where + order + " LIMIT ?12 OFFSET ?13)" + order;
    return q;
}

void bind_list_query(Statement& st, const ProductFilter& f, bool use_promo, const Slice* slice) {
    if (f.category_id) st.bind(kCategory, *f.category_id);
    if (f.id) st.bind(kId, *f.id);
    if (f.ids) st.bind(kIds, json_id_array(*f.ids));
    if (f.ean) st.bind(kEan, *f.ean);
    if (f.sku) st.bind(kSku, *f.sku);
    if (f.name_folded) st.bind(kName, *f.name_folded);
    if (f.price_from) st.bind(kPriceFrom, f.price_from->minor());
    if (f.price_to) st.bind(kPriceTo, f.price_to->minor());
    if (f.quantity_from) st.bind(kQuantityFrom, *f.quantity_from);
    if (f.quantity_to) st.bind(kQuantityTo, *f.quantity_to);
    if (f.active) st.bind(kActive, *f.active);
    bool price_used = f.price_from || f.price_to || slice;
    if (price_used) st.bind(kUsePromo, use_promo);
    if (slice) {
        st.bind(kLimit, std::max<std::int64_t>(0, slice->limit));
        st.bind(kOffset, std::max<std::int64_t>(0, slice->offset));
    }
}

}  // namespace store::sqlite
