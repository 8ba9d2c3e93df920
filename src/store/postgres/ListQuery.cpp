#include "store/postgres/ListQuery.h"

#include <algorithm>

#include "store/postgres/Catalog.h"

namespace store::postgres {

std::string SqlParams::add(std::string value, const char* type) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size()) + "::" + type;
}

std::string SqlParams::add(std::int64_t value, const char* type) {
    return add(std::to_string(value), type);
}

void SqlParams::bind(Statement& st) const {
    for (std::size_t i = 0; i < values_.size(); ++i) st.bind(static_cast<int>(i + 1), values_[i]);
}

namespace {

// Chooses the fragments of one statement and numbers their parameters in that order.
class Composer {
  public:
    Composer(const ProductFilter& f, bool use_promo) : f_(f), use_promo_(use_promo) {}

    // Descendants of the category filter; UNION (not ALL) ends a cycle a bad import could make.
    std::string with_clause() {
        if (!f_.category_id) return "";
        return "WITH RECURSIVE sub(id) AS (SELECT " + q_.params.add(*f_.category_id) +
               " UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) ";
    }

    std::string where_clause() {
        std::string w = " WHERE TRUE";
        if (f_.category_id) w += " AND p.category_id IN (SELECT id FROM sub)";
        if (f_.id) w += " AND p.id = " + q_.params.add(*f_.id);
        if (f_.ids) w += " AND p.id = ANY(" + q_.params.add(int_array(*f_.ids), "bigint[]") + ")";
        if (f_.ean) w += code_match("ean", *f_.ean);
        if (f_.sku) w += code_match("sku", *f_.sku);
        // strpos, not LIKE: '%' and '_' in the search text are plain characters.
        if (f_.name_folded)
            w += " AND strpos(p.name_folded, " + q_.params.add(*f_.name_folded, "text") + ") > 0";
        if (f_.price_from) w += " AND " + price() + " >= " + q_.params.add(f_.price_from->minor());
        if (f_.price_to) w += " AND " + price() + " <= " + q_.params.add(f_.price_to->minor());
        if (f_.quantity_from) w += " AND p.quantity >= " + q_.params.add(*f_.quantity_from);
        if (f_.quantity_to) w += " AND p.quantity <= " + q_.params.add(*f_.quantity_to);
        if (f_.active)
            w += " AND p.active = " + q_.params.add(*f_.active ? "true" : "false", "boolean");
        return w;
    }

    std::string order_clause() {
        const char* dir = f_.descending ? " DESC" : " ASC";
        std::string order = " ORDER BY " + sort_column() + dir;
        if (f_.sort != SortField::Id) (order += ", p.id") += dir;
        return order;
    }

    std::string price() {
        if (flag_.empty()) flag_ = q_.params.add(use_promo_ ? "true" : "false", "boolean");
        return reported_price(flag_);
    }

    ListQuery& query() { return q_; }

  private:
    // An exact code of the product or of any of its variants ('' is no code).
    std::string code_match(const char* column, const std::string& code) {
        const std::string value = q_.params.add(code, "text");
        const std::string c = column;
        return " AND p.id IN (SELECT id FROM products WHERE " + c + " = " + value + " AND " + c +
               " <> '' UNION SELECT product_id FROM variants WHERE " + c + " = " + value + " AND " +
               c + " <> '')";
    }

    std::string sort_column() {
        switch (f_.sort) {
            case SortField::Name:
                // Code point order, as SQLite: never the database's locale collation.
                return "p.name_folded COLLATE \"C\"";
            case SortField::Quantity:
                return "p.quantity";
            case SortField::Price:
                return price();
            case SortField::Id:
                break;
        }
        return "p.id";
    }

    const ProductFilter& f_;
    bool use_promo_;
    ListQuery q_;
    std::string flag_;  // placeholder of use_promo_price, added once when first needed
};

}  // namespace

ListQuery make_count_query(const ProductFilter& filter, bool use_promo) {
    Composer c(filter, use_promo);
    std::string with = c.with_clause();
    std::string where = c.where_clause();
    c.query().sql = with + "SELECT COUNT(*) FROM products p" + where;
    return std::move(c.query());
}

ListQuery make_page_query(const ProductFilter& filter, bool use_promo, Slice slice) {
    Composer c(filter, use_promo);
    std::string with = c.with_clause();
    std::string where = c.where_clause();
    std::string order = c.order_clause();
    std::string price = c.price();
    const std::string limit = c.query().params.add(std::max<std::int64_t>(0, slice.limit));
    const std::string offset = c.query().params.add(std::max<std::int64_t>(0, slice.offset));
    // Ids first: the OFFSET walk then runs over narrow index entries instead of the wide rows;
    // only the page's rows are read.
    c.query().sql = with + "SELECT p.id, p.name, p.quantity, " + price +
                    ", p.ean, p.sku FROM products p WHERE p.id IN (SELECT p.id FROM products p" +
                    where + order + " LIMIT " + limit + " OFFSET " + offset + ")" + order;
    return std::move(c.query());
}

}  // namespace store::postgres
