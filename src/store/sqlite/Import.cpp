// The catalogue import: validate, then upsert categories, manufacturers and products in one
// write transaction. Any bad record throws ImportError and the transaction rolls back.
#include <unordered_map>

#include "core/Text.h"
#include "store/ImportValidate.h"
#include "store/sqlite/SqlitePort.h"

namespace store::sqlite {
namespace {

constexpr std::int64_t kProgressEvery = 500;

class Importer {
  public:
    Importer(Connection& conn, const ImportBatch& batch) : conn_(conn), batch_(batch) {}

    ImportSummary run(ImportProgress progress, void* user) {
        for (std::size_t i = 0; i < batch_.categories.size(); ++i) write_category(i);
        if (!batch_.categories.empty()) check_category_cycles();
        for (const ImportManufacturer& m : batch_.manufacturers) write_manufacturer(m);
        auto total = static_cast<std::int64_t>(batch_.products.size());
        for (std::int64_t i = 0; i < total; ++i) {
            write_product_record(static_cast<std::size_t>(i));
            if (progress && ((i + 1) % kProgressEvery == 0 || i + 1 == total))
                progress(user, i + 1, total);
        }
        return summary_;
    }

    // save_product: the batch's only product, into `target` when set (its id is kept whatever
    // keys the record brings), otherwise where import would put it. Returns the product id.
    Id save_one(std::optional<Id> target) {
        const ImportProduct& p = batch_.products.front();
        if (target && !find_id("SELECT id FROM products WHERE id = ?1", *target))
            throw NotFoundError("product " + std::to_string(*target) + " does not exist");
        std::optional<Id> id = target ? target : existing_product(p);
        require_keys_free(p, id);
        return write_product_record(0, id);
    }

  private:
    // ---- lookups ----
    std::optional<Id> find_id(const char* sql, const std::string& key) {
        auto st = conn_.prepare(sql);
        st.bind(1, key);
        if (!st.step()) return std::nullopt;
        return st.integer(0);
    }

    std::optional<Id> find_id(const char* sql, Id key) {
        auto st = conn_.prepare(sql);
        st.bind(1, key);
        if (!st.step()) return std::nullopt;
        return st.integer(0);
    }

    std::optional<Id> category_id(const std::string& external_id) {
        auto it = categories_.find(external_id);
        if (it != categories_.end()) return it->second;
        auto id = find_id("SELECT id FROM categories WHERE external_id = ?1", external_id);
        if (id) categories_[external_id] = *id;
        return id;
    }

    // ---- categories ----
    void write_category(std::size_t i) {
        const ImportCategory& c = batch_.categories[i];
        std::optional<Id> parent;
        if (!c.parent_external_id.empty()) {
            parent = category_id(c.parent_external_id);
            if (!parent)
                throw ImportError("categories", static_cast<std::int64_t>(i + 1),
                                  "unknown parent " + c.parent_external_id);
        }
        auto id = category_id(c.external_id);
        if (id) {
            conn_
                .prepare(
                    "UPDATE categories SET parent_id = ?1, name = ?2, active = ?3"
                    " WHERE id = ?4")
                .bind(1, parent)
                .bind(2, c.name)
                .bind(3, c.active)
                .bind(4, *id)
                .run();
            ++summary_.categories_updated;
            return;
        }
        auto st = conn_.prepare(
            "INSERT INTO categories (parent_id, name, active, external_id)"
            " VALUES (?1, ?2, ?3, ?4) RETURNING id");
        st.bind(1, parent).bind(2, c.name).bind(3, c.active).bind(4, c.external_id);
        st.step_row();
        categories_[c.external_id] = st.integer(0);
        ++summary_.categories_created;
    }

    // Re-parenting an existing category under its own descendant would make a loop.
    void check_category_cycles() {
        auto st = conn_.prepare(
            "WITH RECURSIVE up(start, id, depth) AS ("
            " SELECT id, parent_id, 1 FROM categories WHERE parent_id IS NOT NULL"
            " UNION ALL"
            " SELECT up.start, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.id"
            " WHERE c.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 100)"
            " SELECT c.external_id FROM up JOIN categories c ON c.id = up.start"
            " WHERE up.id = up.start LIMIT 1");
        if (!st.step()) return;
        std::string looped = st.text(0);
        for (std::size_t i = 0; i < batch_.categories.size(); ++i)
            if (batch_.categories[i].external_id == looped)
                throw ImportError("categories", static_cast<std::int64_t>(i + 1),
                                  "category is its own ancestor");
        throw ImportError("categories", 1, "the batch makes a category its own ancestor");
    }

    // ---- manufacturers ----
    Id manufacturer_id(const std::string& name, const std::string* logo_url) {
        auto it = manufacturers_.find(name);
        std::optional<Id> id;
        if (it != manufacturers_.end())
            id = it->second;
        else
            id = find_id("SELECT id FROM manufacturers WHERE name = ?1", name);
        if (id && logo_url) {
            conn_.prepare("UPDATE manufacturers SET logo_url = ?1 WHERE id = ?2")
                .bind(1, *logo_url)
                .bind(2, *id)
                .run();
            ++summary_.manufacturers_updated;
        } else if (!id) {
            auto st = conn_.prepare(
                "INSERT INTO manufacturers (name, logo_url) VALUES (?1, ?2) RETURNING id");
            st.bind(1, name).bind(2, logo_url ? *logo_url : std::string());
            st.step_row();
            id = st.integer(0);
            ++summary_.manufacturers_created;
        }
        manufacturers_[name] = *id;
        return *id;
    }

    void write_manufacturer(const ImportManufacturer& m) { manufacturer_id(m.name, &m.logo_url); }

    // ---- products ----
    // `target`: the product to write into (save_product); nullopt finds it as import does.
    Id write_product_record(std::size_t i, std::optional<Id> target = std::nullopt) {
        auto fail = [&](const std::string& why) {
            throw ImportError("products", static_cast<std::int64_t>(i + 1), why);
        };
        try {
            const ImportProduct& p = batch_.products[i];
            return write_product(p, target ? target : existing_product(p), fail);
        } catch (const ConstraintError& e) {
            // e.g. a SKU that another product in the database already has
            fail(std::string("conflicts with the database (") + e.what() + ")");
        }
        return 0;  // not reached: fail throws
    }

    // A key of the record that a product other than `owner` has: named, with that product's id,
    // rather than left to the UNIQUE index's message.
    void require_keys_free(const ImportProduct& p, std::optional<Id> owner) {
        auto check = [&](const char* sql, const char* what, const std::string& key) {
            if (key.empty()) return;
            auto st = conn_.prepare(sql);
            st.bind(1, key).bind(2, owner.value_or(0));
            if (st.step())
                throw ImportError("products", 1,
                                  std::string(what) + " " + key + " already used by product " +
                                      std::to_string(st.integer(0)));
        };
        check("SELECT id FROM products WHERE external_id = ?1 AND id <> ?2 LIMIT 1", "external_id",
              p.external_id);
        check("SELECT id FROM products WHERE sku = ?1 AND id <> ?2 LIMIT 1", "sku", p.sku);
    }

    std::optional<Id> existing_product(const ImportProduct& p) {
        if (!p.external_id.empty()) {
            if (auto id = find_id("SELECT id FROM products WHERE external_id = ?1", p.external_id))
                return id;
        }
        if (p.sku.empty()) return std::nullopt;
        // By SKU only a product without an external id of its own is the same product.
        return find_id(
            "SELECT id FROM products WHERE sku = ?1 AND sku <> '' AND"
            " (external_id IS NULL OR ?2 = '')",
            p.sku, p.external_id);
    }

    std::optional<Id> find_id(const char* sql, const std::string& a, const std::string& b) {
        auto st = conn_.prepare(sql);
        st.bind(1, a).bind(2, b);
        if (!st.step()) return std::nullopt;
        return st.integer(0);
    }

    template <class Fail>
    Id write_product(const ImportProduct& p, std::optional<Id> id, Fail&& fail) {
        std::optional<Id> category;
        if (!p.category_external_id.empty()) {
            category = category_id(p.category_external_id);
            if (!category) fail("unknown category " + p.category_external_id);
        }
        std::optional<Id> manufacturer;
        if (!p.manufacturer_name.empty())
            manufacturer = manufacturer_id(p.manufacturer_name, nullptr);

        bool created = !id;
        id = upsert_product(p, id, category, manufacturer);
        if (created)
            ++summary_.products_created;
        else
            ++summary_.products_updated;
        write_list(*id, created, "DELETE FROM product_images WHERE product_id = ?1",
                   "INSERT INTO product_images (product_id, position, url) VALUES (?1, ?2, ?3)",
                   p.images);
        write_features(*id, created, "DELETE FROM product_features WHERE product_id = ?1",
                       "INSERT INTO product_features (product_id, position, name, value)"
                       " VALUES (?1, ?2, ?3, ?4)",
                       p.features);
        if (!p.variants.empty()) replace_variants(*id, created, p.variants, fail);
        return *id;
    }

    void bind_product(Statement& st, const ImportProduct& p, std::optional<Id> category,
                      std::optional<Id> manufacturer) {
        st.bind_or_null(1, p.external_id)
            .bind(2, p.sku)
            .bind(3, p.ean)
            .bind(4, p.model)
            .bind(5, p.name)
            .bind(6, core::fold_case(p.name))
            .bind(7, category)
            .bind(8, manufacturer)
            .bind(9, p.price.minor())
            .bind(10, p.promo_price ? std::optional(p.promo_price->minor()) : std::nullopt)
            .bind(11, p.tax_rate_bp)
            .bind(12, p.weight_kg)
            .bind(13, p.height_cm)
            .bind(14, p.width_cm)
            .bind(15, p.length_cm)
            .bind(16, p.description);
        for (int k = 0; k < 4; ++k) st.bind(17 + k, p.description_extra[k]);
        st.bind(21, p.location).bind(22, p.url).bind(23, p.active);
        // With variants the triggers own the quantity; 0 until they are inserted.
        st.bind(24, p.variants.empty() ? p.stock : std::int64_t{0});
    }

    Id upsert_product(const ImportProduct& p, std::optional<Id> id, std::optional<Id> category,
                      std::optional<Id> manufacturer) {
        if (!id) {
            auto st = conn_.prepare(
                "INSERT INTO products (external_id, sku, ean, model, name, name_folded,"
                " category_id, manufacturer_id, price, promo_price, tax_rate_bp, weight, height,"
                " width, length, description, description_extra1, description_extra2,"
                " description_extra3, description_extra4, location, url, active, quantity)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                " ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24) RETURNING id");
            bind_product(st, p, category, manufacturer);
            st.step_row();
            return st.integer(0);
        }
        auto st = conn_.prepare(
            "UPDATE products SET external_id = COALESCE(?1, external_id), sku = ?2, ean = ?3,"
            " model = ?4, name = ?5, name_folded = ?6, category_id = ?7, manufacturer_id = ?8,"
            " price = ?9, promo_price = ?10, tax_rate_bp = ?11, weight = ?12, height = ?13,"
            " width = ?14, length = ?15, description = ?16, description_extra1 = ?17,"
            " description_extra2 = ?18, description_extra3 = ?19, description_extra4 = ?20,"
            " location = ?21, url = ?22, active = ?23,"
            " quantity = CASE WHEN variant_count > 0 OR ?25 THEN quantity ELSE ?24 END"
            " WHERE id = ?26");
        bind_product(st, p, category, manufacturer);
        st.bind(25, !p.variants.empty()).bind(26, *id);
        st.run();
        return *id;
    }

    void write_list(Id owner, bool created, const char* delete_sql, const char* insert_sql,
                    const std::vector<std::string>& urls) {
        if (!created) conn_.prepare(delete_sql).bind(1, owner).run();
        for (std::size_t k = 0; k < urls.size(); ++k)
            conn_.prepare(insert_sql)
                .bind(1, owner)
                .bind(2, static_cast<std::int64_t>(k))
                .bind(3, urls[k])
                .run();
    }

    void write_features(Id owner, bool created, const char* delete_sql, const char* insert_sql,
                        const std::vector<Feature>& features) {
        if (!created) conn_.prepare(delete_sql).bind(1, owner).run();
        for (std::size_t k = 0; k < features.size(); ++k)
            conn_.prepare(insert_sql)
                .bind(1, owner)
                .bind(2, static_cast<std::int64_t>(k))
                .bind(3, features[k].name)
                .bind(4, features[k].value)
                .run();
    }

    // ---- variants ----
    struct Existing {
        Id id;
        std::string external_id, sku;
        bool kept = false;
    };

    std::vector<Existing> existing_variants(Id product_id) {
        std::vector<Existing> out;
        auto st = conn_.prepare(
            "SELECT id, COALESCE(external_id, ''), sku FROM variants WHERE product_id = ?1");
        st.bind(1, product_id);
        while (st.step()) out.push_back(Existing{st.integer(0), st.text(1), st.text(2)});
        return out;
    }

    // The existing variant an imported one updates: by external id when set, otherwise by SKU.
    static Existing* match(std::vector<Existing>& existing, const ImportVariant& v) {
        for (Existing& e : existing) {
            if (e.kept) continue;
            if (!v.external_id.empty() ? e.external_id == v.external_id
                                       : (!v.sku.empty() && e.sku == v.sku))
                return &e;
        }
        return nullptr;
    }

    template <class Fail>
    void replace_variants(Id product_id, bool created, const std::vector<ImportVariant>& variants,
                          Fail&& fail) {
        std::vector<Existing> existing;
        if (!created) existing = existing_variants(product_id);
        std::vector<std::optional<Id>> targets;
        for (const ImportVariant& v : variants) {
            Existing* e = match(existing, v);
            if (e) e->kept = true;
            targets.push_back(e ? std::optional(e->id) : std::nullopt);
        }
        // Removed first, so that their SKUs are free for the new ones.
        for (const Existing& e : existing) {
            if (e.kept) continue;
            conn_.prepare("DELETE FROM variants WHERE id = ?1").bind(1, e.id).run();
            ++summary_.variants_removed;
        }
        for (std::size_t k = 0; k < variants.size(); ++k) {
            try {
                write_variant(product_id, variants[k], static_cast<std::int64_t>(k), targets[k]);
            } catch (const ConstraintError& e) {
                fail("variant " + std::to_string(k + 1) + " conflicts with the database (" +
                     e.what() + ")");
            }
        }
    }

    void write_variant(Id product_id, const ImportVariant& v, std::int64_t position,
                       std::optional<Id> id) {
        bool created = !id;
        auto st = conn_.prepare(
            created ? "INSERT INTO variants (external_id, sku, ean, name, price, stock, position,"
                      " product_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id"
                    : "UPDATE variants SET external_id = COALESCE(?1, external_id), sku = ?2,"
                      " ean = ?3, name = ?4, price = ?5, stock = ?6, position = ?7"
                      " WHERE product_id = ?8 AND id = ?9 RETURNING id");
        st.bind_or_null(1, v.external_id)
            .bind(2, v.sku)
            .bind(3, v.ean)
            .bind(4, v.name)
            .bind(5, v.price.minor())
            .bind(6, v.stock)
            .bind(7, position)
            .bind(8, product_id);
        if (!created) st.bind(9, *id);
        st.step_row();
        Id variant_id = st.integer(0);
        st.run();  // finish the statement before the next ones touch the same rows
        if (created)
            ++summary_.variants_created;
        else
            ++summary_.variants_updated;
        write_list(variant_id, created, "DELETE FROM variant_images WHERE variant_id = ?1",
                   "INSERT INTO variant_images (variant_id, position, url) VALUES (?1, ?2, ?3)",
                   v.images);
        write_features(variant_id, created, "DELETE FROM variant_features WHERE variant_id = ?1",
                       "INSERT INTO variant_features (variant_id, position, name, value)"
                       " VALUES (?1, ?2, ?3, ?4)",
                       v.features);
    }

    Connection& conn_;
    const ImportBatch& batch_;
    ImportSummary summary_;
    std::unordered_map<std::string, Id> categories_;     // by external id
    std::unordered_map<std::string, Id> manufacturers_;  // by name
};

// Raises the connection's page cache (KiB when negative) for one call, then restores it.
class CacheSizeScope {
  public:
    CacheSizeScope(Connection& conn, std::int64_t size) : conn_(conn) {
        conn_.exec(("PRAGMA cache_size = " + std::to_string(size)).c_str());
    }
    ~CacheSizeScope() {
        try {
            conn_.exec("PRAGMA cache_size = -2000");
        } catch (const StoreError&) {
            // Only a memory hint; the connection stays usable with the larger cache.
        }
    }

  private:
    Connection& conn_;
};

}  // namespace

Id save_product(Pool& pool_, std::optional<Id> id, const ImportProduct& product) {
    // The import's own checks and writes, on a batch of one.
    ImportBatch batch;
    batch.products.push_back(product);
    validate_import(batch);
    auto conn = pool_.acquire();
    Transaction tx(*conn, TxKind::Write);
    const Id saved = Importer(*conn, batch).save_one(id);
    tx.commit();
    return saved;
}

ImportSummary import_catalog(Pool& pool_, const ImportBatch& batch, ImportProgress progress,
                             void* progress_user) {
    validate_import(batch);
    auto conn = pool_.acquire();
    // A big import touches most index pages; with the default 2 MB page cache SQLite spills
    // dirty pages to the WAL and reads them back over and over (measured: 3x slower).
    CacheSizeScope cache(*conn, -262144);
    Transaction tx(*conn, TxKind::Write);
    ImportSummary summary = Importer(*conn, batch).run(progress, progress_user);
    tx.commit();
    return summary;
}

}  // namespace store::sqlite
