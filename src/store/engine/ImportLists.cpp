// Images and features of imported products and variants: one statement per list table for a
// whole chunk, and none for the lists an update leaves as they were.
#include "store/engine/Import.h"

namespace store::engine::importing {
namespace {

struct ListSql {
    const char* table;
    const char* owner;   // the owner's column
    const char* values;  // "url" or "name, value"
    bool pairs;          // features: two values a row
};

const ListSql& sql_of(ListKind kind) {
    static const ListSql product_images{"product_images", "product_id", "url", false};
    static const ListSql product_features{"product_features", "product_id", "name, value", true};
    static const ListSql variant_images{"variant_images", "variant_id", "url", false};
    static const ListSql variant_features{"variant_features", "variant_id", "name, value", true};
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

std::string in_texts(Port& port, Connection& conn, int n) {
    return " IN (SELECT s.c0 FROM " + port.rows_relation(conn, {ColumnType::Text}, n, "s") + ")";
}

void bind_texts(Port& port, Connection& conn, Statement& st, int n,
                const std::vector<std::string>& texts) {
    Rows rows({ColumnType::Text});
    for (const std::string& text : texts) rows.add(text);
    port.bind_rows(conn, st, n, rows);
}

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

std::unordered_map<Id, ListWriter::Entries> ListWriter::stored(Port& port, Connection& conn) const {
    std::unordered_map<Id, Entries> out;
    std::vector<Id> owners;
    for (const List& list : lists_)
        if (list.existing) owners.push_back(list.owner);
    if (owners.empty()) return out;
    const ListSql& sql = sql_of(kind_);
    const Dialect& d = port.dialect();
    auto st = conn.prepare(std::string("SELECT ") + sql.owner + ", " + sql.values +
                           (sql.pairs ? "" : ", ''") + " FROM " + sql.table + " WHERE " +
                           sql.owner + d.in_ids(1) + " ORDER BY " + sql.owner + ", position");
    st.bind(1, d.ids(owners));
    while (st.step()) out[st.integer(0)].emplace_back(st.text(1), st.text(2));
    return out;
}

void ListWriter::write(Port& port, Connection& conn) {
    const ListSql& sql = sql_of(kind_);
    const auto before = stored(port, conn);
    std::vector<Id> replaced;
    using T = ColumnType;
    Rows rows(sql.pairs ? std::vector<T>{T::Integer, T::Integer, T::Text, T::Text}
                        : std::vector<T>{T::Integer, T::Integer, T::Text});
    for (const List& list : lists_) {
        if (list.existing) {
            auto it = before.find(list.owner);
            const bool same =
                it == before.end() ? list.entries.empty() : it->second == list.entries;
            if (same) continue;
            replaced.push_back(list.owner);
        }
        for (std::size_t k = 0; k < list.entries.size(); ++k) {
            rows.add(list.owner).add(static_cast<std::int64_t>(k)).add(list.entries[k].first);
            if (sql.pairs) rows.add(list.entries[k].second);
        }
    }
    const Dialect& d = port.dialect();
    if (!replaced.empty())
        conn.prepare(std::string("DELETE FROM ") + sql.table + " WHERE " + sql.owner + d.in_ids(1))
            .bind(1, d.ids(replaced))
            .run();
    if (rows.size() == 0) return;
    auto st =
        conn.prepare(std::string("INSERT INTO ") + sql.table + " (" + sql.owner + ", position, " +
                     sql.values + ") SELECT u.c0, u.c1, u.c2" + (sql.pairs ? ", u.c3" : "") +
                     " FROM " + port.rows_relation(conn, rows.types(), 1, "u"));
    port.bind_rows(conn, st, 1, rows);
    st.run();
}

}  // namespace store::engine::importing
