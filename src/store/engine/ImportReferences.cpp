// The categories and manufacturers sections of an import, and the ids of every category and
// manufacturer its products name: a few set-based statements whatever the batch's size.
#include <unordered_set>

#include "store/engine/Import.h"

namespace store::engine::importing {
namespace {

// Adds each distinct non-empty key once, in first-seen order.
class DistinctKeys {
  public:
    void add(const std::string& key) {
        if (!key.empty() && seen_.insert(key).second) keys_.push_back(key);
    }
    const std::vector<std::string>& keys() const { return keys_; }

  private:
    std::unordered_set<std::string> seen_;
    std::vector<std::string> keys_;
};

// Fills `ids` (key -> id) from `select` returning (key, id) followed by " IN (the keys)".
void load_ids(Port& port, Connection& conn, const char* select, const DistinctKeys& keys,
              std::unordered_map<std::string, Id>& ids) {
    if (keys.keys().empty()) return;
    auto st = conn.prepare(select + in_texts(port, conn, 1));
    bind_texts(port, conn, st, 1, keys.keys());
    while (st.step()) ids[st.text(0)] = st.integer(1);
}

// Counts the rows an `INSERT ... ON CONFLICT DO UPDATE ... RETURNING id, key, <inserted>`
// returned as created (inserted) or updated (the key existed), and records their ids. Where
// the database cannot say (NULL), a key unknown before the statement was created by it.
void read_upserted(Statement& st, std::unordered_map<std::string, Id>& ids, std::int64_t& created,
                   std::int64_t* updated) {
    while (st.step()) {
        std::string key = st.text(1);
        const bool inserted = st.is_null(2) ? !ids.count(key) : st.boolean(2);
        ids[std::move(key)] = st.integer(0);
        if (inserted)
            ++created;
        else if (updated)
            ++*updated;
    }
}

// The relation of `rows` for an INSERT ... SELECT with an upsert: SQLite wants a WHERE clause
// before ON CONFLICT (else ON reads as a join constraint), PostgreSQL does not mind it.
std::string upsert_source(Port& port, Connection& conn, const Rows& rows) {
    return port.rows_relation(conn, rows.types(), 1, "u") + " WHERE TRUE" + port.in_row_order("u");
}

void check_parents(const std::vector<ImportCategory>& categories,
                   const std::unordered_map<std::string, Id>& ids,
                   std::vector<std::size_t>& fresh) {
    std::unordered_set<std::string> earlier;  // new categories written before this record
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const ImportCategory& c = categories[i];
        const std::string& parent = c.parent_external_id;
        // A parent must exist when its child is written: in the database or earlier here.
        if (!parent.empty() && !ids.count(parent) && !earlier.count(parent))
            throw ImportError("categories", static_cast<std::int64_t>(i + 1),
                              "unknown parent " + parent);
        if (!ids.count(c.external_id) && earlier.insert(c.external_id).second) fresh.push_back(i);
    }
}

// New categories first, without parents (a parent may be one of them); ids in record order.
void insert_categories(Port& port, Connection& conn, const std::vector<ImportCategory>& categories,
                       const std::vector<std::size_t>& fresh,
                       std::unordered_map<std::string, Id>& ids, ImportSummary& summary) {
    if (fresh.empty()) return;
    Rows rows({ColumnType::Text, ColumnType::Boolean, ColumnType::Text});
    for (std::size_t i : fresh)
        rows.add(categories[i].name).add_flag(categories[i].active).add(categories[i].external_id);
    auto st = conn.prepare(
        "INSERT INTO categories (name, active, external_id) SELECT u.c0, u.c1, u.c2 FROM " +
        upsert_source(port, conn, rows) +
        " ON CONFLICT (external_id) DO UPDATE SET name = excluded.name"
        " RETURNING id, external_id, " +
        port.dialect().upsert_inserted());
    port.bind_rows(conn, st, 1, rows);
    // A category another process created meanwhile is updated instead, as import would.
    read_upserted(st, ids, summary.categories_created, &summary.categories_updated);
}

// Parents, names and flags of every category of the section; unchanged rows are not rewritten.
void update_categories(Port& port, Connection& conn, const std::vector<ImportCategory>& categories,
                       const std::unordered_map<std::string, Id>& ids) {
    using T = ColumnType;
    Rows rows({T::Integer, T::Integer, T::Text, T::Boolean});
    for (const ImportCategory& c : categories) {
        rows.add(ids.at(c.external_id));
        rows.add_optional(c.parent_external_id.empty()
                              ? std::nullopt
                              : std::optional(ids.at(c.parent_external_id)));
        rows.add(c.name).add_flag(c.active);
    }
    auto st = conn.prepare(
        "UPDATE categories AS c SET parent_id = u.c1, name = u.c2, active = u.c3 FROM " +
        port.rows_relation(conn, rows.types(), 1, "u") +
        " WHERE c.id = u.c0 AND (c.parent_id IS DISTINCT FROM u.c1 OR c.name <> u.c2"
        " OR c.active <> u.c3)");
    port.bind_rows(conn, st, 1, rows);
    st.run();
}

// Re-parenting an existing category under its own descendant would make a loop; any loop
// passes through a category of the section, so the walk starts from those only.
void check_category_cycles(Port& port, Connection& conn,
                           const std::vector<ImportCategory>& categories,
                           const std::unordered_map<std::string, Id>& ids) {
    std::vector<Id> starts;
    for (const ImportCategory& c : categories) starts.push_back(ids.at(c.external_id));
    const Dialect& d = port.dialect();
    auto st = conn.prepare(
        "WITH RECURSIVE up(start, id, depth) AS ("
        " SELECT id, parent_id, 1 FROM categories"
        " WHERE id" +
        d.in_ids(1) +
        " AND parent_id IS NOT NULL"
        " UNION ALL"
        " SELECT up.start, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.id"
        " WHERE c.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 100)"
        " SELECT c.external_id FROM up JOIN categories c ON c.id = up.start"
        " WHERE up.id = up.start LIMIT 1");
    st.bind(1, d.ids(starts));
    if (!st.step()) return;
    const std::string looped = st.text(0);
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (categories[i].external_id == looped)
            throw ImportError("categories", static_cast<std::int64_t>(i + 1),
                              "category is its own ancestor");
    throw ImportError("categories", 1, "the batch makes a category its own ancestor");
}

void write_categories(Port& port, Connection& conn, const std::vector<ImportCategory>& categories,
                      std::unordered_map<std::string, Id>& ids, ImportSummary& summary) {
    std::vector<std::size_t> fresh;
    check_parents(categories, ids, fresh);
    summary.categories_updated += static_cast<std::int64_t>(categories.size() - fresh.size());
    insert_categories(port, conn, categories, fresh, ids, summary);
    update_categories(port, conn, categories, ids);
    check_category_cycles(port, conn, categories, ids);
}

// The section's manufacturers are created or get their logo; the ones products name and the
// database lacks are created with none.
void write_manufacturers(Port& port, Connection& conn, const ImportBatch& batch,
                         std::unordered_map<std::string, Id>& ids, ImportSummary& summary) {
    if (!batch.manufacturers.empty()) {
        Rows rows({ColumnType::Text, ColumnType::Text});
        for (const ImportManufacturer& m : batch.manufacturers) rows.add(m.name).add(m.logo_url);
        auto st =
            conn.prepare("INSERT INTO manufacturers (name, logo_url) SELECT u.c0, u.c1 FROM " +
                         upsert_source(port, conn, rows) +
                         " ON CONFLICT (name) DO UPDATE SET logo_url = excluded.logo_url"
                         " RETURNING id, name, " +
                         port.dialect().upsert_inserted());
        port.bind_rows(conn, st, 1, rows);
        read_upserted(st, ids, summary.manufacturers_created, &summary.manufacturers_updated);
    }
    DistinctKeys missing;
    for (const ImportProduct& p : batch.products)
        if (!ids.count(p.manufacturer_name)) missing.add(p.manufacturer_name);
    if (missing.keys().empty()) return;
    // The no-op update returns the id of a name another process created meanwhile.
    Rows rows({ColumnType::Text});
    for (const std::string& name : missing.keys()) rows.add(name);
    auto st = conn.prepare("INSERT INTO manufacturers (name) SELECT u.c0 FROM " +
                           upsert_source(port, conn, rows) +
                           " ON CONFLICT (name) DO UPDATE SET name = excluded.name"
                           " RETURNING id, name, " +
                           port.dialect().upsert_inserted());
    port.bind_rows(conn, st, 1, rows);
    read_upserted(st, ids, summary.manufacturers_created, nullptr);
}

}  // namespace

namespace {

struct NamedKeys {
    DistinctKeys categories, manufacturers;
};

NamedKeys named_keys(const ImportBatch& batch) {
    NamedKeys named;
    DistinctKeys &categories = named.categories, &manufacturers = named.manufacturers;
    for (const ImportCategory& c : batch.categories) {
        categories.add(c.external_id);
        categories.add(c.parent_external_id);
    }
    for (const ImportManufacturer& m : batch.manufacturers) manufacturers.add(m.name);
    for (const ImportProduct& p : batch.products) {
        categories.add(p.category_external_id);
        manufacturers.add(p.manufacturer_name);
    }
    return named;
}

}  // namespace

References expected_references(Port& port, Connection& conn, const ImportBatch& batch) {
    References refs;
    const NamedKeys named = named_keys(batch);
    load_ids(port, conn, "SELECT external_id, id FROM categories WHERE external_id",
             named.categories, refs.categories);
    std::vector<std::size_t> fresh;
    check_parents(batch.categories, refs.categories, fresh);
    for (const ImportCategory& c : batch.categories) refs.categories.emplace(c.external_id, 0);
    for (const std::string& name : named.manufacturers.keys()) refs.manufacturers.emplace(name, 0);
    return refs;
}

References write_references(Port& port, Connection& conn, const ImportBatch& batch,
                            ImportSummary& summary) {
    References refs;
    const NamedKeys named = named_keys(batch);
    const DistinctKeys &categories = named.categories, &manufacturers = named.manufacturers;
    load_ids(port, conn, "SELECT external_id, id FROM categories WHERE external_id", categories,
             refs.categories);
    if (!batch.categories.empty())
        write_categories(port, conn, batch.categories, refs.categories, summary);
    load_ids(port, conn, "SELECT name, id FROM manufacturers WHERE name", manufacturers,
             refs.manufacturers);
    write_manufacturers(port, conn, batch, refs.manufacturers, summary);
    return refs;
}

}  // namespace store::engine::importing
