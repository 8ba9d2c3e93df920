// Writing one planned chunk: a fixed number of set-based statements whatever the chunk's size,
// each row set travelling as one array literal per column (unnest).
#include <span>
#include <unordered_map>

#include "core/Text.h"
#include "store/postgres/Import.h"

namespace store::postgres::importing {

void Columns::bind(Statement& st) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        st.bind(static_cast<int>(i + 1), columns_[i].str());
}

namespace {

struct Column {
    const char* name;
    const char* type;
};

// The columns an import record sets, in the order add_product() fills them.
constexpr Column kProductColumns[] = {
    {"external_id", "text"},
    {"sku", "text"},
    {"ean", "text"},
    {"model", "text"},
    {"name", "text"},
    {"name_folded", "text"},
    {"category_id", "bigint"},
    {"manufacturer_id", "bigint"},
    {"price", "bigint"},
    {"promo_price", "bigint"},
    {"tax_rate_bp", "bigint"},
    {"weight", "float8"},
    {"height", "float8"},
    {"width", "float8"},
    {"length", "float8"},
    {"description", "text"},
    {"description_extra1", "text"},
    {"description_extra2", "text"},
    {"description_extra3", "text"},
    {"description_extra4", "text"},
    {"location", "text"},
    {"url", "text"},
    {"active", "boolean"},
    {"quantity", "bigint"},
};
constexpr Column kVariantColumns[] = {
    {"product_id", "bigint"}, {"external_id", "text"}, {"sku", "text"},     {"ean", "text"},
    {"name", "text"},         {"price", "bigint"},     {"stock", "bigint"}, {"position", "bigint"},
};
constexpr std::size_t kProductCount = std::size(kProductColumns);
constexpr std::size_t kVariantCount = std::size(kVariantColumns);

// "unnest($1::bigint[], ...) WITH ORDINALITY AS u(id, ..., ord)" over `lead` then `columns`.
std::string unnest(std::span<const Column> lead, std::span<const Column> columns) {
    std::string args, names;
    int n = 0;
    for (auto part : {lead, columns}) {
        for (const Column& c : part) {
            if (n++ > 0) {
                args += ", ";
                names += ", ";
            }
            args += "$" + std::to_string(n) + "::" + c.type + "[]";
            names += c.name;
        }
    }
    return "unnest(" + args + ") WITH ORDINALITY AS u(" + names + ", ord)";
}

// INSERT of every column in array order; ids are handed out in that order.
std::string insert_sql(const char* table, std::span<const Column> columns, const char* returning) {
    std::string names, values;
    for (const Column& c : columns) {
        if (!names.empty()) {
            names += ", ";
            values += ", ";
        }
        names += c.name;
        values += std::string("u.") + c.name;
    }
    return std::string("INSERT INTO ") + table + " (" + names + ") SELECT " + values + " FROM " +
           unnest({}, columns) + " ORDER BY u.ord RETURNING " + returning;
}

// The assignments of an UPDATE from the record's values (`special` expressions where a column
// does not simply take the record's value), and the condition that one of them changes the row.
struct Assignments {
    std::string set;      // "a = u.a, ..."
    std::string changes;  // "(p.a, ...) IS DISTINCT FROM (u.a, ...)"
};

Assignments assignments(const char* alias, std::span<const Column> columns,
                        const std::unordered_map<std::string, std::string>& special) {
    std::string set, old_values, new_values;
    for (const Column& c : columns) {
        auto it = special.find(c.name);
        const std::string value = it != special.end() ? it->second : std::string("u.") + c.name;
        if (!set.empty()) {
            set += ", ";
            old_values += ", ";
            new_values += ", ";
        }
        set += std::string(c.name) + " = " + value;
        old_values += std::string(alias) + "." + c.name;
        new_values += value;
    }
    return {set, "(" + old_values + ") IS DISTINCT FROM (" + new_values + ")"};
}

// A record without an external id keeps the row's (COALESCE); with variants the triggers own
// the quantity (the record's stock is ignored). Unchanged rows are not rewritten: re-importing
// the same catalogue leaves no dead rows behind.
const std::string& update_products_sql() {
    static const Column lead[] = {{"id", "bigint"}, {"has_variants", "boolean"}};
    static const Assignments a =
        assignments("p", kProductColumns,
                    {{"external_id", "COALESCE(u.external_id, p.external_id)"},
                     {"quantity",
                      "CASE WHEN p.variant_count > 0 OR u.has_variants THEN p.quantity"
                      " ELSE u.quantity END"}});
    static const std::string sql = "UPDATE products p SET " + a.set + " FROM " +
                                   unnest(lead, kProductColumns) + " WHERE p.id = u.id AND " +
                                   a.changes;
    return sql;
}

// product_id only identifies the row (a variant never moves to another product).
const std::string& update_variants_sql() {
    static const Column lead[] = {{"id", "bigint"}};
    static const Assignments a =
        assignments("v", std::span(kVariantColumns).subspan(1),
                    {{"external_id", "COALESCE(u.external_id, v.external_id)"}});
    static const std::string sql =
        "UPDATE variants v SET " + a.set + " FROM " + unnest(lead, kVariantColumns) +
        " WHERE v.id = u.id AND v.product_id = u.product_id AND " + a.changes;
    return sql;
}

void add_product(Columns& cols, std::size_t first, const ImportProduct& p,
                 const ProductPlan& plan) {
    std::size_t c = first;
    add_or_null(cols[c++], p.external_id);
    for (const std::string* text : {&p.sku, &p.ean, &p.model, &p.name}) cols[c++].add(*text);
    cols[c++].add(core::fold_case(p.name));
    add_optional(cols[c++], plan.category);
    add_optional(cols[c++], plan.manufacturer);
    cols[c++].add(p.price.minor());
    add_optional(cols[c++], p.promo_price ? std::optional(p.promo_price->minor()) : std::nullopt);
    cols[c++].add(p.tax_rate_bp);
    for (double d : {p.weight_kg, p.height_cm, p.width_cm, p.length_cm}) add_real(cols[c++], d);
    cols[c++].add(p.description);
    for (const std::string& extra : p.description_extra) cols[c++].add(extra);
    cols[c++].add(p.location);
    cols[c++].add(p.url);
    add_flag(cols[c++], p.active);
    // With variants the triggers set the quantity from their stock.
    cols[c++].add(p.variants.empty() ? p.stock : std::int64_t{0});
}

// The unique key a new row comes back with: its external id, or else its SKU.
std::string row_key(std::string_view external_id, std::string_view sku) {
    return external_id.empty() ? "s" + std::string(sku) : "e" + std::string(external_id);
}

// Frees the SKUs that updated rows give up before any row takes one: a unique index is
// checked row by row, so a chunk that moves a SKU from one row to another would otherwise
// depend on the order the rows are updated in.
void free_skus(Connection& conn, const char* sql, const std::vector<Id>& ids) {
    if (ids.empty()) return;
    conn.prepare(sql).bind(1, int_array(ids)).run();
}

void update_products(Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    Columns cols(kProductCount + 2);
    std::vector<Id> freed;
    bool any = false;
    for (ProductPlan& plan : chunk.products) {
        if (!plan.existing) continue;
        const ImportProduct& p = batch.products[plan.index];
        any = true;
        plan.id = *plan.existing;
        cols[0].add(plan.id);
        add_flag(cols[1], !p.variants.empty());
        add_product(cols, 2, p, plan);
        if (!plan.old_sku.empty() && plan.old_sku != p.sku) freed.push_back(plan.id);
    }
    if (!any) return;
    free_skus(conn, "UPDATE products SET sku = '' WHERE id = ANY($1::bigint[])", freed);
    auto st = conn.prepare(update_products_sql());
    cols.bind(st);
    st.run();
}

void insert_products(Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    Columns cols(kProductCount);
    std::unordered_map<std::string, ProductPlan*> fresh;
    for (ProductPlan& plan : chunk.products) {
        if (plan.existing) continue;
        const ImportProduct& p = batch.products[plan.index];
        add_product(cols, 0, p, plan);
        fresh[row_key(p.external_id, p.sku)] = &plan;
    }
    if (fresh.empty()) return;
    static const std::string sql =
        insert_sql("products", kProductColumns, "id, COALESCE(external_id, ''), sku");
    auto st = conn.prepare(sql);
    cols.bind(st);
    while (st.step()) fresh.at(row_key(st.text_view(1), st.text_view(2)))->id = st.integer(0);
}

void add_variant(Columns& cols, std::size_t first, Id product_id, const ImportVariant& v,
                 std::size_t position) {
    std::size_t c = first;
    cols[c++].add(product_id);
    add_or_null(cols[c++], v.external_id);
    for (const std::string* text : {&v.sku, &v.ean, &v.name}) cols[c++].add(*text);
    cols[c++].add(v.price.minor());
    cols[c++].add(v.stock);
    cols[c++].add(static_cast<std::int64_t>(position));
}

// Calls f(plan, variant plan, record variant, position) for every variant of the chunk.
template <class F>
void for_each_variant(const ImportBatch& batch, ChunkPlan& chunk, F&& f) {
    for (ProductPlan& plan : chunk.products) {
        const auto& variants = batch.products[plan.index].variants;
        for (std::size_t k = 0; k < plan.variants.size(); ++k)
            f(plan, plan.variants[k], variants[k], k);
    }
}

void update_variants(Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    Columns cols(kVariantCount + 1);
    std::vector<Id> freed;
    bool any = false;
    for_each_variant(batch, chunk, [&](ProductPlan& plan, VariantPlan& vp, auto& v, auto k) {
        if (!vp.existing) return;
        any = true;
        vp.id = *vp.existing;
        cols[0].add(vp.id);
        add_variant(cols, 1, plan.id, v, k);
        if (!vp.old_sku.empty() && vp.old_sku != v.sku) freed.push_back(vp.id);
    });
    if (!any) return;
    free_skus(conn, "UPDATE variants SET sku = '' WHERE id = ANY($1::bigint[])", freed);
    auto st = conn.prepare(update_variants_sql());
    cols.bind(st);
    st.run();
}

void insert_variants(Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    Columns cols(kVariantCount);
    std::unordered_map<std::string, VariantPlan*> fresh;
    for_each_variant(batch, chunk, [&](ProductPlan& plan, VariantPlan& vp, auto& v, auto k) {
        if (vp.existing) return;
        add_variant(cols, 0, plan.id, v, k);
        fresh[std::to_string(plan.id) + "/" + row_key(v.external_id, v.sku)] = &vp;
    });
    if (fresh.empty()) return;
    static const std::string sql =
        insert_sql("variants", kVariantColumns, "id, product_id, COALESCE(external_id, ''), sku");
    auto st = conn.prepare(sql);
    cols.bind(st);
    while (st.step()) {
        std::string key = st.text(1) + "/" + row_key(st.text_view(2), st.text_view(3));
        fresh.at(key)->id = st.integer(0);
    }
}

// Removed variants go first (their SKUs become free), then the kept ones are updated and the
// new ones inserted; the variants' triggers keep each product's quantity their sum.
void write_variants(Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    if (!chunk.removed_variants.empty())
        conn.prepare("DELETE FROM variants WHERE id = ANY($1::bigint[])")
            .bind(1, int_array(chunk.removed_variants))
            .run();
    update_variants(conn, batch, chunk);
    insert_variants(conn, batch, chunk);
    ListWriter images(ListKind::VariantImages), features(ListKind::VariantFeatures);
    for_each_variant(batch, chunk, [&](ProductPlan&, VariantPlan& vp, auto& v, auto) {
        images.add(vp.id, vp.existing.has_value(), v.images);
        features.add(vp.id, vp.existing.has_value(), v.features);
    });
    images.write(conn);
    features.write(conn);
}

void write_product_lists(Connection& conn, const ImportBatch& batch, const ChunkPlan& chunk) {
    ListWriter images(ListKind::ProductImages), features(ListKind::ProductFeatures);
    for (const ProductPlan& plan : chunk.products) {
        const ImportProduct& p = batch.products[plan.index];
        images.add(plan.id, plan.existing.has_value(), p.images);
        features.add(plan.id, plan.existing.has_value(), p.features);
    }
    images.write(conn);
    features.write(conn);
}

}  // namespace

void write_chunk(Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    try {
        update_products(conn, batch, chunk);
        insert_products(conn, batch, chunk);
        write_product_lists(conn, batch, chunk);
        write_variants(conn, batch, chunk);
    } catch (const ConstraintError& e) {
        // Planning saw every key this chunk takes as free: another process took one since.
        if (chunk.products.size() > 1) throw ChunkConflict(chunk.begin, chunk.end);
        throw ImportError("products", static_cast<std::int64_t>(chunk.products.front().index + 1),
                          "conflicts with the database (constraint " + e.constraint + ")");
    }
}

}  // namespace store::postgres::importing
