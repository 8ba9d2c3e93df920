#include "store/ImportValidate.h"

#include <unordered_set>

#include "store/ImportError.h"
#include "store/Store.h"

namespace store {
namespace {

// Remembers keys seen in one section; a repeat is an error of that record.
class Unique {
  public:
    bool repeated(const std::string& key) { return !key.empty() && !seen_.insert(key).second; }

  private:
    std::unordered_set<std::string> seen_;
};

void validate_categories(const std::vector<ImportCategory>& categories) {
    Unique ids;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const ImportCategory& c = categories[i];
        auto fail = [&](const std::string& why) {
            throw ImportError("categories", static_cast<std::int64_t>(i + 1), why);
        };
        if (c.external_id.empty()) fail("missing external_id");
        if (c.name.empty()) fail("missing name");
        if (c.name.find('/') != std::string::npos) fail("name contains '/'");
        if (c.parent_external_id == c.external_id) fail("category is its own parent");
        if (ids.repeated(c.external_id)) fail("duplicate external_id " + c.external_id);
    }
}

void validate_manufacturers(const std::vector<ImportManufacturer>& manufacturers) {
    Unique names;
    for (std::size_t i = 0; i < manufacturers.size(); ++i) {
        auto fail = [&](const std::string& why) {
            throw ImportError("manufacturers", static_cast<std::int64_t>(i + 1), why);
        };
        if (manufacturers[i].name.empty()) fail("missing name");
        if (names.repeated(manufacturers[i].name)) fail("duplicate name " + manufacturers[i].name);
    }
}

std::string stock_above_maximum() {
    return "stock above the maximum " + std::to_string(kMaxStock);
}

// Returns the reason a variant is invalid, or "" when it is fine.
std::string variant_problem(const ImportVariant& v, Unique& variant_skus, Unique& product_keys) {
    if (v.external_id.empty() && v.sku.empty()) return "missing both external_id and sku";
    if (v.price.minor() < 0) return "negative price";
    if (v.stock < 0) return "negative stock";
    if (v.stock > kMaxStock) return stock_above_maximum();
    if (variant_skus.repeated(v.sku)) return "duplicate variant sku " + v.sku;
    if (product_keys.repeated(v.external_id)) return "duplicate external_id " + v.external_id;
    return "";
}

std::string product_problem(const ImportProduct& p, Unique& skus, Unique& external_ids,
                            Unique& variant_skus) {
    if (p.name.empty()) return "missing name";
    if (p.external_id.empty() && p.sku.empty()) return "missing both external_id and sku";
    if (p.price.minor() < 0) return "negative price";
    if (p.promo_price && p.promo_price->minor() < 0) return "negative promo_price";
    if (p.tax_rate_bp < 0) return "negative tax rate";
    if (p.variants.empty() && p.stock < 0) return "negative stock";
    if (p.variants.empty() && p.stock > kMaxStock) return stock_above_maximum();
    if (skus.repeated(p.sku)) return "duplicate sku " + p.sku;
    if (external_ids.repeated(p.external_id)) return "duplicate external_id " + p.external_id;
    Unique variant_keys;  // variant external ids are unique within their product
    for (std::size_t j = 0; j < p.variants.size(); ++j) {
        std::string why = variant_problem(p.variants[j], variant_skus, variant_keys);
        if (!why.empty()) return "variant " + std::to_string(j + 1) + ": " + why;
    }
    return "";
}

void validate_products(const std::vector<ImportProduct>& products) {
    Unique skus, external_ids, variant_skus;
    for (std::size_t i = 0; i < products.size(); ++i) {
        std::string why = product_problem(products[i], skus, external_ids, variant_skus);
        if (!why.empty()) throw ImportError("products", static_cast<std::int64_t>(i + 1), why);
    }
}

}  // namespace

void validate_import(const ImportBatch& batch) {
    validate_categories(batch.categories);
    validate_manufacturers(batch.manufacturers);
    validate_products(batch.products);
}

}  // namespace store
