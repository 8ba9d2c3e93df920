// Images and features of imported products and variants: one statement per list table for a
// whole chunk, and none for the lists an update leaves as they were.

#include "store/postgres/Import.h"

namespace store::postgres::importing {
namespace {

struct ListSql {
    const char* select;  // owner, value, second value ('' for images) of the owners $1, in order
    const char* remove;  // the rows of the owners $1
    const char* insert;  // unnest of owners, positions, values[, second values]
    bool pairs;          // features: two values a row
};

const ListSql& sql_of(ListKind kind) {
    static const ListSql product_images{
        "SELECT product_id, url, '' FROM product_images WHERE product_id = ANY($1::bigint[])"
        " ORDER BY product_id, position",
        "DELETE FROM product_images WHERE product_id = ANY($1::bigint[])",
        "INSERT INTO product_images (product_id, position, url)"
        " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])",
        false};
    static const ListSql product_features{
        "SELECT product_id, name, value FROM product_features"
        " WHERE product_id = ANY($1::bigint[]) ORDER BY product_id, position",
        "DELETE FROM product_features WHERE product_id = ANY($1::bigint[])",
        "INSERT INTO product_features (product_id, position, name, value)"
        " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])",
        true};
    static const ListSql variant_images{
        "SELECT variant_id, url, '' FROM variant_images WHERE variant_id = ANY($1::bigint[])"
        " ORDER BY variant_id, position",
        "DELETE FROM variant_images WHERE variant_id = ANY($1::bigint[])",
        "INSERT INTO variant_images (variant_id, position, url)"
        " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])",
        false};
    static const ListSql variant_features{
        "SELECT variant_id, name, value FROM variant_features"
        " WHERE variant_id = ANY($1::bigint[]) ORDER BY variant_id, position",
        "DELETE FROM variant_features WHERE variant_id = ANY($1::bigint[])",
        "INSERT INTO variant_features (variant_id, position, name, value)"
        " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])",
        true};
    switch (kind) {
        case ListKind::ProductImages:
            return product_images;
        case ListKind::ProductFeatures:
            return product_features;
        case ListKind::VariantImages:
            return variant_images;
        case ListKind::VariantFeatures:
            break;
    }
    return variant_features;
}

}  // namespace

void ListWriter::add(Id owner, bool existing, const std::vector<std::string>& images) {
    Entries entries;
    entries.reserve(images.size());
    for (const std::string& url : images) entries.emplace_back(url, std::string());
    lists_.push_back(List{owner, existing, std::move(entries)});
}

void ListWriter::add(Id owner, bool existing, const std::vector<Feature>& features) {
    Entries entries;
    entries.reserve(features.size());
    for (const Feature& f : features) entries.emplace_back(f.name, f.value);
    lists_.push_back(List{owner, existing, std::move(entries)});
}

std::unordered_map<Id, ListWriter::Entries> ListWriter::stored(Connection& conn) const {
    std::unordered_map<Id, Entries> out;
    ArrayBuilder owners;
    bool any = false;
    for (const List& list : lists_) {
        if (!list.existing) continue;
        owners.add(list.owner);
        any = true;
    }
    if (!any) return out;
    auto st = conn.prepare(sql_of(kind_).select);
    st.bind(1, owners.str());
    while (st.step()) out[st.integer(0)].emplace_back(st.text(1), st.text(2));
    return out;
}

void ListWriter::write(Connection& conn) {
    const ListSql& sql = sql_of(kind_);
    const auto before = stored(conn);
    ArrayBuilder replaced;
    Columns rows(sql.pairs ? 4 : 3);
    bool any_replaced = false, any_rows = false;
    for (const List& list : lists_) {
        if (list.existing) {
            auto it = before.find(list.owner);
            const bool same =
                it == before.end() ? list.entries.empty() : it->second == list.entries;
            if (same) continue;
            replaced.add(list.owner);
            any_replaced = true;
        }
        for (std::size_t k = 0; k < list.entries.size(); ++k) {
            rows[0].add(list.owner);
            rows[1].add(static_cast<std::int64_t>(k));
            rows[2].add(list.entries[k].first);
            if (sql.pairs) rows[3].add(list.entries[k].second);
            any_rows = true;
        }
    }
    if (any_replaced) conn.prepare(sql.remove).bind(1, replaced.str()).run();
    if (!any_rows) return;
    auto st = conn.prepare(sql.insert);
    rows.bind(st);
    st.run();
}

}  // namespace store::postgres::importing
