// ProductsList and the admin product listing: filters, sorting and paging composed from fixed
// fragments, every value a bound parameter numbered in the order the fragments appear.
#include <algorithm>

#include "store/engine/Catalog.h"
#include "store/engine/CategoryTree.h"
#include "store/engine/Params.h"

namespace store::engine {
namespace {

// No filter at all, or (`but_name`) none besides the name.
bool unfiltered(const ProductFilter& f, bool but_name = false) {
    return !f.category_id && !f.id && !f.ids && !f.ean && !f.sku && (but_name || !f.name_folded) &&
           !f.price_from && !f.price_to && !f.quantity_from && !f.quantity_to && !f.active;
}

void read_list_rows(Statement& st, ProductListPage& page) {
    while (st.step())
        page.rows.push_back(ProductListRow{st.integer(0), st.text(1), st.integer(2),
                                           core::Money::from_minor(st.integer(3)), st.text(4),
                                           st.text(5)});
}

// Chooses the fragments of one statement and numbers their parameters in that order.
class Composer {
  public:
    // `listed_as`: with CategoryMatch::Listed, the categories whose listed category is the
    // filter's (CategoryTree::listed_as).
    Composer(const Dialect& d, const ProductFilter& f, bool use_promo,
             const std::vector<Id>& listed_as)
        : d_(d), f_(f), use_promo_(use_promo), listed_as_(listed_as) {}

    // Descendants of the category filter; UNION (not ALL) ends a cycle a bad import could make.
    std::string with_clause() {
        if (!f_.category_id || f_.category_match != CategoryMatch::Subtree) return "";
        return "WITH RECURSIVE sub(id) AS (SELECT " + params_.add(*f_.category_id) +
               " UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) ";
    }

    // The rows the filter keeps, as the FROM and WHERE of a statement over "p". A search by
    // name alone in id order (the panel's search box) reads only the name index: counting
    // and paging its ids need no product row (SQLite would otherwise read one row per match).
    std::string from_where() {
        if (name_alone())
            return " FROM (" + d_.name_ids(params_.add_number(*f_.name_folded)) + ") p";
        return " FROM products p" + where_clause();
    }

    std::string order_clause() {
        const char* dir = f_.descending ? " DESC" : " ASC";
        std::string order = " ORDER BY " + sort_column() + dir;
        if (f_.sort != SortField::Id) (order += ", p.id") += dir;
        return order;
    }

    std::string price() {
        if (flag_.empty()) flag_ = params_.add(use_promo_);
        return reported_price(flag_);
    }

    Params& params() { return params_; }

  private:
    std::string where_clause() {
        std::string w = " WHERE TRUE";
        if (f_.category_id) w += category_match();
        if (f_.id) w += " AND p.id = " + params_.add(*f_.id);
        if (f_.ids) w += " AND p.id" + d_.in_ids(params_.add_number(d_.ids(*f_.ids)));
        if (f_.ean) w += code_match("ean", *f_.ean);
        if (f_.sku) w += code_match("sku", *f_.sku);
        if (f_.name_folded) w += " AND " + name_match(*f_.name_folded);
        if (f_.price_from) w += " AND " + price() + " >= " + params_.add(f_.price_from->minor());
        if (f_.price_to) w += " AND " + price() + " <= " + params_.add(f_.price_to->minor());
        if (f_.quantity_from) w += " AND p.quantity >= " + params_.add(*f_.quantity_from);
        if (f_.quantity_to) w += " AND p.quantity <= " + params_.add(*f_.quantity_to);
        if (f_.active) w += " AND p.active = " + params_.add(*f_.active);
        return w;
    }

    std::string category_match() {
        if (f_.category_match == CategoryMatch::Subtree)
            return " AND p.category_id IN (SELECT id FROM sub)";
        return " AND p.category_id" + d_.in_ids(params_.add_number(d_.ids(listed_as_)));
    }

    // Only the name (long enough for the index) filters, and the order is the ids'.
    bool name_alone() const {
        if (!f_.name_folded || f_.sort != SortField::Id) return false;
        return code_points(*f_.name_folded) >= Dialect::kTrigram && unfiltered(f_, true);
    }

    // A plain substring of the folded name, not LIKE: '%' and '_' in the search text are plain
    // characters. The trigram index answers texts long enough to have a trigram; a shorter one
    // is a scan either way (and the same rows: both are the substring test).
    std::string name_match(const std::string& folded) {
        const int n = params_.add_number(folded);
        if (code_points(folded) >= Dialect::kTrigram) return d_.name_contains_indexed("p", n);
        return d_.contains("p.name_folded", n);
    }

    // Characters, as the trigram tokenizers count them (the text is valid UTF-8).
    static std::size_t code_points(std::string_view utf8) {
        return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    }

    // An exact code of the product or of any of its variants ('' is no code). The partial
    // indexes on the codes are only usable when the query repeats their condition.
    std::string code_match(const char* column, const std::string& code) {
        const std::string value = params_.add(code);
        const std::string c = column;
        return " AND p.id IN (SELECT id FROM products WHERE " + c + " = " + value + " AND " + c +
               " <> '' UNION SELECT product_id FROM variants WHERE " + c + " = " + value + " AND " +
               c + " <> '')";
    }

    std::string sort_column() {
        switch (f_.sort) {
            case SortField::Name:
                return std::string("p.name_folded") + d_.by_code_point();
            case SortField::Quantity:
                return "p.quantity";
            case SortField::Price:
                return price();
            case SortField::Id:
                break;
        }
        return "p.id";
    }

    const Dialect& d_;
    const ProductFilter& f_;
    bool use_promo_;
    const std::vector<Id>& listed_as_;
    Params params_;
    std::string flag_;  // placeholder of use_promo_price, added once when first needed
};

}  // namespace

// The whole catalogue in id order (BaseLinker's catalogue import): keyset paging on the cached
// id list instead of an OFFSET walk.
ProductListPage Catalog::list_by_id(Connection& conn, bool descending, Slice slice) {
    const auto ids = ids_.current(conn);
    ProductListPage page;
    page.total = static_cast<std::int64_t>(ids->size());
    const auto first = first_id_of(*ids, slice.offset, descending);
    if (!first || slice.limit <= 0) return page;
    const std::string head = "SELECT p.id, p.name, p.quantity, " +
                             reported_price("CAST(?3 AS BOOLEAN)") +
                             ", p.ean, p.sku FROM products p WHERE p.id ";
    auto st = conn.prepare(head + (descending ? "<= ?1 ORDER BY p.id DESC LIMIT ?2"
                                              : ">= ?1 ORDER BY p.id ASC LIMIT ?2"));
    st.bind(1, *first).bind(2, slice.limit).bind(3, use_promo_);
    read_list_rows(st, page);
    return page;
}

ProductListPage Catalog::list_products(const ProductFilter& filter, Slice slice) {
    return read(port_, [&](Connection& conn) {  // the total and the rows from one snapshot
        if (unfiltered(filter) && filter.sort == SortField::Id)
            return list_by_id(conn, filter.descending, slice);
        ProductListPage page;
        std::vector<Id> listed_as;
        if (filter.category_id && filter.category_match == CategoryMatch::Listed) {
            listed_as = CategoryTree::read(conn).listed_as(*filter.category_id);
            if (listed_as.empty()) return page;  // a category no product is reported in
        }
        {
            Composer c(port_.dialect(), filter, use_promo_, listed_as);
            const std::string with = c.with_clause();
            const std::string from = c.from_where();
            auto count = conn.prepare(with + "SELECT COUNT(*)" + from);
            c.params().bind(count);
            count.step_row();
            page.total = count.integer(0);
        }
        Composer c(port_.dialect(), filter, use_promo_, listed_as);
        const std::string with = c.with_clause();
        const std::string from = c.from_where();
        const std::string order = c.order_clause();
        const std::string price = c.price();
        const std::string limit = c.params().add(std::max<std::int64_t>(0, slice.limit));
        const std::string offset = c.params().add(std::max<std::int64_t>(0, slice.offset));
        // Ids first: the OFFSET walk then runs over narrow index entries instead of the wide
        // rows; only the page's rows are read.
        auto st = conn.prepare(with + "SELECT p.id, p.name, p.quantity, " + price +
                               ", p.ean, p.sku FROM products p WHERE p.id IN (SELECT p.id" + from +
                               order + " LIMIT " + limit + " OFFSET " + offset + ")" + order);
        c.params().bind(st);
        read_list_rows(st, page);
        return page;
    });
}

}  // namespace store::engine
