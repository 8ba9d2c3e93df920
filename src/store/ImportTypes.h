#pragma once
// A batch of catalogue records to upsert in one transaction (the `import` command and the demo
// generator both go through this). Records refer to each other by external id or SKU, never by
// database id, so a file can be imported into any shop.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Money.h"
#include "store/CatalogTypes.h"

namespace store {

struct ImportCategory {
    std::string external_id;         // required, unique among categories
    std::string parent_external_id;  // empty = top level; must precede its children in the batch
    std::string name;
    bool active = true;
};

struct ImportManufacturer {
    std::string name;  // required, the upsert key
    std::string logo_url;
};

struct ImportVariant {
    std::string external_id;  // upsert key when set, otherwise sku
    std::string sku, ean, name;
    core::Money price;
    std::int64_t stock = 0;
    std::vector<std::string> images;
    std::vector<Feature> features;
};

struct ImportProduct {
    std::string external_id;  // upsert key when set, otherwise sku (one of them is required)
    std::string sku, ean, model, name;
    std::string category_external_id;  // may be empty
    std::string manufacturer_name;     // may be empty; created when unknown
    core::Money price;
    std::optional<core::Money> promo_price;
    std::int64_t tax_rate_bp = 2300;
    double weight_kg = 0, height_cm = 0, width_cm = 0, length_cm = 0;
    std::string description;
    std::string description_extra[4];
    std::string location, url;
    bool active = true;
    std::int64_t stock = 0;  // ignored when variants are given (stock rule)
    std::vector<std::string> images;
    std::vector<Feature> features;
    std::vector<ImportVariant> variants;  // when non-empty, replaces the product's variant set
};

struct ImportBatch {
    std::vector<ImportCategory> categories;
    std::vector<ImportManufacturer> manufacturers;
    std::vector<ImportProduct> products;
};

struct ImportSummary {
    std::int64_t categories_created = 0, categories_updated = 0;
    std::int64_t manufacturers_created = 0, manufacturers_updated = 0;
    std::int64_t products_created = 0, products_updated = 0;
    std::int64_t variants_created = 0, variants_updated = 0, variants_removed = 0;
};

// Called every few hundred records: (records done, records total).
using ImportProgress = void (*)(void* user, std::int64_t done, std::int64_t total);

}  // namespace store
