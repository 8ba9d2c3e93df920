// Writing one planned chunk: a fixed number of set-based statements whatever the chunk's size,
// each row set travelling as one relation (Port::rows_relation).
#include <span>
#include <unordered_map>

#include "core/Text.h"
#include "store/engine/Import.h"

namespace store::engine::importing {

namespace {

struct Column {
    const char* name;
    ColumnType type;
};

constexpr ColumnType kInt = ColumnType::Integer, kText = ColumnType::Text, kReal = ColumnType::Real,
                     kFlag = ColumnType::Boolean;

// The columns an import record sets, in the order add_product() fills them.
constexpr Column kProductColumns[] = {
    {"external_id", kText},
    {"sku", kText},
    {"ean", kText},
    {"model", kText},
    {"name", kText},
    {"name_folded", kText},
    {"category_id", kInt},
    {"manufacturer_id", kInt},
    {"price", kInt},
    {"promo_price", kInt},
    {"tax_rate_bp", kInt},
    {"weight", kReal},
    {"height", kReal},
    {"width", kReal},
    {"length", kReal},
    {"description", kText},
    {"description_extra1", kText},
    {"description_extra2", kText},
    {"description_extra3", kText},
    {"description_extra4", kText},
    {"location", kText},
    {"url", kText},
    {"active", kFlag},
    {"quantity", kInt},
};
constexpr Column kVariantColumns[] = {
    {"product_id", kInt}, {"external_id", kText}, {"sku", kText},  {"ean", kText},
    {"name", kText},      {"price", kInt},        {"stock", kInt}, {"position", kInt},
};

// The rows of `lead` then `columns` as the relation "u" (columns u.c0, u.c1, ... and the row
// number u.n), and `name` -> "u.cK" for the SQL that reads them.
struct Relation {
    std::vector<ColumnType> types;
    std::unordered_map<std::string, std::string> column;
    std::string sql;

    const std::string& operator[](const char* name) const { return column.at(name); }
};

Relation relation(Port& port, Connection& conn, std::span<const Column> lead,
                  std::span<const Column> columns) {
    Relation r;
    for (auto part : {lead, columns})
        for (const Column& c : part) {
            r.column[c.name] = "u.c" + std::to_string(r.types.size());
            r.types.push_back(c.type);
        }
    r.sql = port.rows_relation(conn, r.types, 1, "u");
    return r;
}

// INSERT of every column in row order; ids are handed out in that order.
std::string insert_sql(Port& port, Connection& conn, const char* table,
                       std::span<const Column> columns, const char* returning) {
    const Relation u = relation(port, conn, {}, columns);
    std::string names, values;
    for (const Column& c : columns) {
        if (!names.empty()) {
            names += ", ";
            values += ", ";
        }
        names += c.name;
        values += u[c.name];
    }
    return std::string("INSERT INTO ") + table + " (" + names + ") SELECT " + values + " FROM " +
           u.sql + port.in_row_order("u") + " RETURNING " + returning;
}

// The assignments of an UPDATE from the record's values (`special` expressions where a column
// does not simply take the record's value), and the condition that one of them changes the row.
struct Assignments {
    std::string set;      // "a = u.a, ..."
    std::string changes;  // "(p.a, ...) IS DISTINCT FROM (u.a, ...)"
};

Assignments assignments(const char* alias, std::span<const Column> columns, const Relation& u,
                        const std::unordered_map<std::string, std::string>& special) {
    std::string set, old_values, new_values;
    for (const Column& c : columns) {
        auto it = special.find(c.name);
        const std::string value = it != special.end() ? it->second : u[c.name];
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
std::string update_products_sql(Port& port, Connection& conn) {
    static const Column lead[] = {{"id", kInt}, {"has_variants", kFlag}};
    const Relation u = relation(port, conn, lead, kProductColumns);
    const Assignments a =
        assignments("p", kProductColumns, u,
                    {{"external_id", "COALESCE(" + u["external_id"] + ", p.external_id)"},
                     {"quantity", "CASE WHEN p.variant_count > 0 OR " + u["has_variants"] +
                                      " THEN p.quantity ELSE " + u["quantity"] + " END"}});
    return "UPDATE products AS p SET " + a.set + " FROM " + u.sql + " WHERE p.id = " + u["id"] +
           " AND " + a.changes;
}

// product_id only identifies the row (a variant never moves to another product).
std::string update_variants_sql(Port& port, Connection& conn) {
    static const Column lead[] = {{"id", kInt}};
    const Relation u = relation(port, conn, lead, kVariantColumns);
    const Assignments a =
        assignments("v", std::span(kVariantColumns).subspan(1), u,
                    {{"external_id", "COALESCE(" + u["external_id"] + ", v.external_id)"}});
    return "UPDATE variants AS v SET " + a.set + " FROM " + u.sql + " WHERE v.id = " + u["id"] +
           " AND v.product_id = " + u["product_id"] + " AND " + a.changes;
}

void add_product(Rows& rows, const ImportProduct& p, const ProductPlan& plan) {
    rows.add_or_null(p.external_id);
    for (const std::string* text : {&p.sku, &p.ean, &p.model, &p.name}) rows.add(*text);
    rows.add(core::fold_case(p.name));
    rows.add_optional(plan.category).add_optional(plan.manufacturer);
    rows.add(p.price.minor());
    rows.add_optional(p.promo_price ? std::optional(p.promo_price->minor()) : std::nullopt);
    rows.add(p.tax_rate_bp);
    for (double d : {p.weight_kg, p.height_cm, p.width_cm, p.length_cm}) rows.add_real(d);
    rows.add(p.description);
    for (const std::string& extra : p.description_extra) rows.add(extra);
    rows.add(p.location).add(p.url).add_flag(p.active);
    // With variants the triggers set the quantity from their stock.
    rows.add(p.variants.empty() ? p.stock : std::int64_t{0});
}

std::vector<ColumnType> types_of(std::span<const Column> lead, std::span<const Column> columns) {
    std::vector<ColumnType> types;
    for (auto part : {lead, columns})
        for (const Column& c : part) types.push_back(c.type);
    return types;
}

// The unique key a new row comes back with: its external id, or else its SKU.
std::string row_key(std::string_view external_id, std::string_view sku) {
    return external_id.empty() ? "s" + std::string(sku) : "e" + std::string(external_id);
}

// Frees the SKUs that updated rows give up before any row takes one: a unique index is
// checked row by row, so a chunk that moves a SKU from one row to another would otherwise
// depend on the order the rows are updated in.
void free_skus(Port& port, Connection& conn, const char* table, const std::vector<Id>& ids) {
    if (ids.empty()) return;
    const Dialect& d = port.dialect();
    conn.prepare(std::string("UPDATE ") + table + " SET sku = '' WHERE id" + d.in_ids(1))
        .bind(1, d.ids(ids))
        .run();
}

void update_products(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    static const Column lead[] = {{"id", kInt}, {"has_variants", kFlag}};
    Rows rows(types_of(lead, kProductColumns));
    std::vector<Id> freed;
    for (ProductPlan& plan : chunk.products) {
        if (!plan.existing) continue;
        const ImportProduct& p = batch.products[plan.index];
        plan.id = *plan.existing;
        rows.add(plan.id).add_flag(!p.variants.empty());
        add_product(rows, p, plan);
        if (!plan.old_sku.empty() && plan.old_sku != p.sku) freed.push_back(plan.id);
    }
    if (rows.size() == 0) return;
    free_skus(port, conn, "products", freed);
    auto st = conn.prepare(update_products_sql(port, conn));
    port.bind_rows(conn, st, 1, rows);
    st.run();
}

void insert_products(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    Rows rows(types_of({}, kProductColumns));
    std::unordered_map<std::string, ProductPlan*> fresh;
    for (ProductPlan& plan : chunk.products) {
        if (plan.existing) continue;
        const ImportProduct& p = batch.products[plan.index];
        add_product(rows, p, plan);
        fresh[row_key(p.external_id, p.sku)] = &plan;
    }
    if (fresh.empty()) return;
    auto st = conn.prepare(
        insert_sql(port, conn, "products", kProductColumns, "id, COALESCE(external_id, ''), sku"));
    port.bind_rows(conn, st, 1, rows);
    while (st.step()) fresh.at(row_key(st.text_view(1), st.text_view(2)))->id = st.integer(0);
}

void add_variant(Rows& rows, Id product_id, const ImportVariant& v, std::size_t position) {
    rows.add(product_id).add_or_null(v.external_id);
    for (const std::string* text : {&v.sku, &v.ean, &v.name}) rows.add(*text);
    rows.add(v.price.minor()).add(v.stock).add(static_cast<std::int64_t>(position));
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

void update_variants(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    static const Column lead[] = {{"id", kInt}};
    Rows rows(types_of(lead, kVariantColumns));
    std::vector<Id> freed;
    for_each_variant(batch, chunk, [&](ProductPlan& plan, VariantPlan& vp, auto& v, auto k) {
        if (!vp.existing) return;
        vp.id = *vp.existing;
        rows.add(vp.id);
        add_variant(rows, plan.id, v, k);
        if (!vp.old_sku.empty() && vp.old_sku != v.sku) freed.push_back(vp.id);
    });
    if (rows.size() == 0) return;
    free_skus(port, conn, "variants", freed);
    auto st = conn.prepare(update_variants_sql(port, conn));
    port.bind_rows(conn, st, 1, rows);
    st.run();
}

void insert_variants(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    Rows rows(types_of({}, kVariantColumns));
    std::unordered_map<std::string, VariantPlan*> fresh;
    for_each_variant(batch, chunk, [&](ProductPlan& plan, VariantPlan& vp, auto& v, auto k) {
        if (vp.existing) return;
        add_variant(rows, plan.id, v, k);
        fresh[std::to_string(plan.id) + "/" + row_key(v.external_id, v.sku)] = &vp;
    });
    if (fresh.empty()) return;
    auto st = conn.prepare(insert_sql(port, conn, "variants", kVariantColumns,
                                      "id, product_id, COALESCE(external_id, ''), sku"));
    port.bind_rows(conn, st, 1, rows);
    while (st.step()) {
        std::string key = st.text(1) + "/" + row_key(st.text_view(2), st.text_view(3));
        fresh.at(key)->id = st.integer(0);
    }
}

// Removed variants go first (their SKUs become free), then the kept ones are updated and the
// new ones inserted; the variants' triggers keep each product's quantity their sum.
void write_variants(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    const Dialect& d = port.dialect();
    if (!chunk.removed_variants.empty())
        conn.prepare("DELETE FROM variants WHERE id" + d.in_ids(1))
            .bind(1, d.ids(chunk.removed_variants))
            .run();
    update_variants(port, conn, batch, chunk);
    insert_variants(port, conn, batch, chunk);
    ListWriter images(ListKind::VariantImages), features(ListKind::VariantFeatures);
    for_each_variant(batch, chunk, [&](ProductPlan&, VariantPlan& vp, auto& v, auto) {
        images.add(vp.id, vp.existing.has_value(), v.images);
        features.add(vp.id, vp.existing.has_value(), v.features);
    });
    images.write(port, conn);
    features.write(port, conn);
}

void write_product_lists(Port& port, Connection& conn, const ImportBatch& batch,
                         const ChunkPlan& chunk) {
    ListWriter images(ListKind::ProductImages), features(ListKind::ProductFeatures);
    for (const ProductPlan& plan : chunk.products) {
        const ImportProduct& p = batch.products[plan.index];
        images.add(plan.id, plan.existing.has_value(), p.images);
        features.add(plan.id, plan.existing.has_value(), p.features);
    }
    images.write(port, conn);
    features.write(port, conn);
}

}  // namespace

void write_chunk(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& chunk) {
    try {
        update_products(port, conn, batch, chunk);
        insert_products(port, conn, batch, chunk);
        write_product_lists(port, conn, batch, chunk);
        write_variants(port, conn, batch, chunk);
    } catch (const ConstraintError&) {
        // Planning saw every key this chunk takes as free: another process took one since.
        if (chunk.products.size() > 1) throw ChunkConflict(chunk.begin, chunk.end);
        throw ImportError("products", static_cast<std::int64_t>(chunk.products.front().index + 1),
                          "conflicts with the database (a key that another writer took meanwhile)");
    }
}

}  // namespace store::engine::importing
