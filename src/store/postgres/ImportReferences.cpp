// The categories and manufacturers sections of an import, and the ids of every category and
// manufacturer its products name: a few set-based statements whatever the batch's size.
#include <unordered_set>

#include "store/postgres/Import.h"

namespace store::postgres::importing {
namespace {

// Adds each distinct non-empty key once, in first-seen order.
class DistinctKeys {
  public:
    void add(const std::string& key) {
        if (!key.empty() && seen_.insert(key).second) keys_.push_back(key);
    }
    const std::vector<std::string>& keys() const { return keys_; }
    std::string array() const {
        ArrayBuilder out;
        for (const std::string& k : keys_) out.add(k);
        return out.str();
    }

  private:
    std::unordered_set<std::string> seen_;
    std::vector<std::string> keys_;
};

// Fills `ids` (key -> id) from a statement returning (key, id) for the keys in $1.
void load_ids(Connection& conn, const char* sql, const DistinctKeys& keys,
              std::unordered_map<std::string, Id>& ids) {
    if (keys.keys().empty()) return;
    auto st = conn.prepare(sql);
    st.bind(1, keys.array());
    while (st.step()) ids[st.text(0)] = st.integer(1);
}

// Counts the rows an `INSERT ... ON CONFLICT DO UPDATE ... RETURNING id, key, xmax = 0`
// returned as created (inserted) or updated (the key existed), and records their ids.
void read_upserted(Statement& st, std::unordered_map<std::string, Id>& ids, std::int64_t& created,
                   std::int64_t* updated) {
    while (st.step()) {
        ids[st.text(1)] = st.integer(0);
        if (st.boolean(2))
            ++created;
        else if (updated)
            ++*updated;
    }
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
void insert_categories(Connection& conn, const std::vector<ImportCategory>& categories,
                       const std::vector<std::size_t>& fresh,
                       std::unordered_map<std::string, Id>& ids, ImportSummary& summary) {
    if (fresh.empty()) return;
    Columns cols(3);
    for (std::size_t i : fresh) {
        cols[0].add(categories[i].name);
        add_flag(cols[1], categories[i].active);
        cols[2].add(categories[i].external_id);
    }
    auto st = conn.prepare(
        "INSERT INTO categories (name, active, external_id)"
        " SELECT u.name, u.active, u.external_id"
        " FROM unnest($1::text[], $2::boolean[], $3::text[]) WITH ORDINALITY"
        " AS u(name, active, external_id, ord) ORDER BY u.ord"
        " ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name"
        " RETURNING id, external_id, xmax = 0");
    cols.bind(st);
    // A category another process created meanwhile is updated instead, as import would.
    read_upserted(st, ids, summary.categories_created, &summary.categories_updated);
}

// Parents, names and flags of every category of the section; unchanged rows are not rewritten.
void update_categories(Connection& conn, const std::vector<ImportCategory>& categories,
                       const std::unordered_map<std::string, Id>& ids) {
    Columns cols(4);
    for (const ImportCategory& c : categories) {
        cols[0].add(ids.at(c.external_id));
        add_optional(cols[1], c.parent_external_id.empty()
                                  ? std::nullopt
                                  : std::optional(ids.at(c.parent_external_id)));
        cols[2].add(c.name);
        add_flag(cols[3], c.active);
    }
    auto st = conn.prepare(
        "UPDATE categories c SET parent_id = u.parent_id, name = u.name, active = u.active"
        " FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::boolean[])"
        " AS u(id, parent_id, name, active) WHERE c.id = u.id"
        " AND (c.parent_id IS DISTINCT FROM u.parent_id OR c.name <> u.name"
        " OR c.active <> u.active)");
    cols.bind(st);
    st.run();
}

// Re-parenting an existing category under its own descendant would make a loop; any loop
// passes through a category of the section, so the walk starts from those only.
void check_category_cycles(Connection& conn, const std::vector<ImportCategory>& categories,
                           const std::unordered_map<std::string, Id>& ids) {
    ArrayBuilder starts;
    for (const ImportCategory& c : categories) starts.add(ids.at(c.external_id));
    auto st = conn.prepare(
        "WITH RECURSIVE up(start, id, depth) AS ("
        " SELECT id, parent_id, 1 FROM categories"
        " WHERE id = ANY($1::bigint[]) AND parent_id IS NOT NULL"
        " UNION ALL"
        " SELECT up.start, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.id"
        " WHERE c.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 100)"
        " SELECT c.external_id FROM up JOIN categories c ON c.id = up.start"
        " WHERE up.id = up.start LIMIT 1");
    st.bind(1, starts.str());
    if (!st.step()) return;
    const std::string looped = st.text(0);
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (categories[i].external_id == looped)
            throw ImportError("categories", static_cast<std::int64_t>(i + 1),
                              "category is its own ancestor");
    throw ImportError("categories", 1, "the batch makes a category its own ancestor");
}

void write_categories(Connection& conn, const std::vector<ImportCategory>& categories,
                      std::unordered_map<std::string, Id>& ids, ImportSummary& summary) {
    std::vector<std::size_t> fresh;
    check_parents(categories, ids, fresh);
    summary.categories_updated += static_cast<std::int64_t>(categories.size() - fresh.size());
    insert_categories(conn, categories, fresh, ids, summary);
    update_categories(conn, categories, ids);
    check_category_cycles(conn, categories, ids);
}

// The section's manufacturers are created or get their logo; the ones products name and the
// database lacks are created with none.
void write_manufacturers(Connection& conn, const ImportBatch& batch,
                         std::unordered_map<std::string, Id>& ids, ImportSummary& summary) {
    if (!batch.manufacturers.empty()) {
        Columns cols(2);
        for (const ImportManufacturer& m : batch.manufacturers) {
            cols[0].add(m.name);
            cols[1].add(m.logo_url);
        }
        auto st = conn.prepare(
            "INSERT INTO manufacturers (name, logo_url) SELECT u.name, u.logo_url"
            " FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(name, logo_url, ord)"
            " ORDER BY u.ord ON CONFLICT (name) DO UPDATE SET logo_url = EXCLUDED.logo_url"
            " RETURNING id, name, xmax = 0");
        cols.bind(st);
        read_upserted(st, ids, summary.manufacturers_created, &summary.manufacturers_updated);
    }
    DistinctKeys missing;
    for (const ImportProduct& p : batch.products)
        if (!ids.count(p.manufacturer_name)) missing.add(p.manufacturer_name);
    if (missing.keys().empty()) return;
    // The no-op update returns the id of a name another process created meanwhile.
    auto st = conn.prepare(
        "INSERT INTO manufacturers (name) SELECT u.name"
        " FROM unnest($1::text[]) WITH ORDINALITY AS u(name, ord) ORDER BY u.ord"
        " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name, xmax = 0");
    st.bind(1, missing.array());
    read_upserted(st, ids, summary.manufacturers_created, nullptr);
}

}  // namespace

References write_references(Connection& conn, const ImportBatch& batch, ImportSummary& summary) {
    References refs;
    DistinctKeys categories, manufacturers;
    for (const ImportCategory& c : batch.categories) {
        categories.add(c.external_id);
        categories.add(c.parent_external_id);
    }
    for (const ImportManufacturer& m : batch.manufacturers) manufacturers.add(m.name);
    for (const ImportProduct& p : batch.products) {
        categories.add(p.category_external_id);
        manufacturers.add(p.manufacturer_name);
    }
    load_ids(conn, "SELECT external_id, id FROM categories WHERE external_id = ANY($1::text[])",
             categories, refs.categories);
    if (!batch.categories.empty())
        write_categories(conn, batch.categories, refs.categories, summary);
    load_ids(conn, "SELECT name, id FROM manufacturers WHERE name = ANY($1::text[])", manufacturers,
             refs.manufacturers);
    write_manufacturers(conn, batch, refs.manufacturers, summary);
    return refs;
}

}  // namespace store::postgres::importing
