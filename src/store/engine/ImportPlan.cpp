// Planning one chunk of product records: record by record in C++, against the key holders
// loaded for the chunk, so that every problem is named with its record before anything of the
// chunk is written.
#include <algorithm>
#include <unordered_set>

#include "store/engine/Import.h"
#include "store/engine/ImportKeys.h"

namespace store::engine::importing {
namespace {

// The existing variant an imported one updates: by external id when set, otherwise by SKU.
ExistingVariant* match(std::vector<ExistingVariant>& existing, const ImportVariant& v) {
    for (ExistingVariant& e : existing) {
        if (e.kept) continue;
        if (!v.external_id.empty() ? e.external_id == v.external_id
                                   : (!v.sku.empty() && e.sku == v.sku))
            return &e;
    }
    return nullptr;
}

class Planner {
  public:
    Planner(Port& port, Connection& conn, const ImportBatch& batch, const References& refs,
            const SaveTarget* save, ImportSummary& summary)
        : port_(port), conn_(conn), batch_(batch), refs_(refs), save_(save), summary_(summary) {}

    ChunkPlan plan(std::size_t begin, std::size_t limit) {
        ChunkPlan chunk;
        chunk.begin = begin;
        plan_products(chunk, std::min(batch_.products.size(), begin + limit));
        // A bad variant of an earlier record is the first error; the products' pass stopped
        // at its own first bad record, so every record it planned comes before that one.
        plan_variants(chunk);
        if (error_) throw *error_;
        return chunk;
    }

  private:
    void plan_products(ChunkPlan& chunk, std::size_t end) {
        const std::span<const ImportProduct> records(batch_.products);
        keys_.load(port_, conn_, records.subspan(chunk.begin, end - chunk.begin),
                   save_ ? save_->id : std::nullopt);
        std::unordered_set<Id> updated;
        std::size_t i = chunk.begin;
        for (; i < end; ++i) {
            const ImportProduct& p = batch_.products[i];
            const std::optional<Id> existing = save_ && save_->id ? save_->id : keys_.match(p);
            if (existing && !updated.insert(*existing).second) break;  // next chunk
            if (std::string why = problem(p, existing); !why.empty()) {
                error_.emplace("products", static_cast<std::int64_t>(i + 1), why);
                break;
            }
            chunk.products.push_back(plan_product(i, p, existing));
        }
        chunk.end = i;
    }

    // The reason a record cannot be written, in the order the record-by-record import meets
    // them: save_product checks the keys first; import meets a taken key only when it writes.
    std::string problem(const ImportProduct& p, std::optional<Id> existing) const {
        std::string taken = keys_.taken(p, existing);
        if (save_ && !taken.empty()) return taken;
        if (!p.category_external_id.empty() && !refs_.categories.count(p.category_external_id))
            return "unknown category " + p.category_external_id;
        if (!taken.empty()) return "conflicts with the database (" + taken + ")";
        return "";
    }

    ProductPlan plan_product(std::size_t i, const ImportProduct& p, std::optional<Id> existing) {
        ProductPlan plan;
        plan.index = i;
        plan.existing = existing;
        if (existing) plan.old_sku = keys_.sku_of(*existing);
        if (!p.category_external_id.empty())
            plan.category = refs_.categories.at(p.category_external_id);
        if (!p.manufacturer_name.empty())
            plan.manufacturer = refs_.manufacturers.at(p.manufacturer_name);
        // A new product holds its keys under a placeholder id (never a real, positive one).
        keys_.assign(existing ? *existing : -static_cast<Id>(i + 1), p);
        ++(existing ? summary_.products_updated : summary_.products_created);
        return plan;
    }

    void plan_variants(ChunkPlan& chunk) {
        std::vector<Id> owners;
        std::vector<std::string> skus;
        bool any = false;
        for (const ProductPlan& plan : chunk.products) {
            const auto& variants = batch_.products[plan.index].variants;
            if (variants.empty()) continue;
            any = true;
            if (plan.existing) owners.push_back(*plan.existing);
            for (const ImportVariant& v : variants)
                if (!v.sku.empty()) skus.push_back(v.sku);
        }
        if (!any) return;
        variant_keys_.load(port_, conn_, owners, skus);
        for (ProductPlan& plan : chunk.products)
            if (!batch_.products[plan.index].variants.empty()) plan_variant_set(plan, chunk);
    }

    // The record's variants replace the product's set: matched ones are updated (keeping
    // their ids), the others removed first so that their SKUs are free, new ones created.
    void plan_variant_set(ProductPlan& plan, ChunkPlan& chunk) {
        const auto& variants = batch_.products[plan.index].variants;
        std::vector<ExistingVariant> none;
        auto& existing = plan.existing ? variant_keys_.of(*plan.existing) : none;
        for (const ImportVariant& v : variants) {
            ExistingVariant* e = match(existing, v);
            if (e) e->kept = true;
            plan.variants.push_back(
                VariantPlan{e ? std::optional(e->id) : std::nullopt, e ? e->sku : std::string()});
        }
        for (const ExistingVariant& e : existing) {
            if (e.kept) continue;
            chunk.removed_variants.push_back(e.id);
            variant_keys_.release(e.sku, e.id);
            ++summary_.variants_removed;
        }
        for (std::size_t k = 0; k < variants.size(); ++k) claim_variant_sku(plan, k);
    }

    void claim_variant_sku(ProductPlan& plan, std::size_t k) {
        const ImportVariant& v = batch_.products[plan.index].variants[k];
        const VariantPlan& vp = plan.variants[k];
        const Id self = vp.existing ? *vp.existing : --next_placeholder_;
        if (auto holder = variant_keys_.holder(v.sku); holder && *holder != self)
            throw ImportError("products", static_cast<std::int64_t>(plan.index + 1),
                              "variant " + std::to_string(k + 1) +
                                  " conflicts with the database (sku " + v.sku +
                                  " already used by variant " + std::to_string(*holder) + ")");
        if (vp.existing) variant_keys_.release(vp.old_sku, self);
        variant_keys_.assign(v.sku, self);
        ++(vp.existing ? summary_.variants_updated : summary_.variants_created);
    }

    Port& port_;
    Connection& conn_;
    const ImportBatch& batch_;
    const References& refs_;
    const SaveTarget* save_;
    ImportSummary& summary_;
    ProductKeys keys_;
    VariantKeys variant_keys_;
    std::optional<ImportError> error_;
    Id next_placeholder_ = 0;  // new variants: -1, -2...
};

}  // namespace

void check_products(Port& port, Connection& conn, const ImportBatch& batch, const References& refs,
                    std::size_t chunk) {
    ImportSummary ignored;
    Planner planner(port, conn, batch, refs, nullptr, ignored);
    for (std::size_t begin = 0; begin < batch.products.size();)
        begin = planner.plan(begin, chunk).end;
}

ChunkPlan plan_chunk(Port& port, Connection& conn, const ImportBatch& batch, const References& refs,
                     std::size_t begin, std::size_t limit, const SaveTarget* save,
                     ImportSummary& summary) {
    return Planner(port, conn, batch, refs, save, summary).plan(begin, limit);
}

}  // namespace store::engine::importing
