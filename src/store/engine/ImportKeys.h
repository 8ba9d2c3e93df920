#pragma once
// Holders of the unique keys a chunk of import records names, as the record-by-record import
// sees them: loaded from the database before the chunk, then moved record by record while the
// chunk is planned. Loading again for the next chunk keeps what was moved (the check of a whole
// batch plans every chunk against one snapshot, writing nothing): a row known already is not
// read back as the database has it. A record that takes a key another row still holds at that point
// is what a record-by-record import would fail on with a unique violation; the plan reports it
// instead, so the bulk statements that follow never meet one.
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/ImportTypes.h"
#include "store/engine/Port.h"

namespace store::engine::importing {

// products.external_id (UNIQUE) and products.sku (UNIQUE where not '').
class ProductKeys {
  public:
    // The products holding an external id or SKU of `records`, and `also` (save_product's
    // target) whatever its keys.
    void load(Port& port, Connection& conn, std::span<const ImportProduct> records,
              std::optional<Id> also);
    // The product a record updates, as the import finds it: by external id; otherwise by SKU,
    // when the product has no external id of its own or the record brings none.
    std::optional<Id> match(const ImportProduct& p) const;
    // A key of `p` held by a product other than `owner` (nullopt: a new product), as
    // "sku X already used by product N"; "" when both are free.
    std::string taken(const ImportProduct& p, std::optional<Id> owner) const;
    const std::string& sku_of(Id product) const;
    // From here on `owner` holds the record's keys (an external id only when it brings one).
    void assign(Id owner, const ImportProduct& p);

  private:
    struct Keys {
        std::optional<std::string> external_id;
        std::string sku;
    };
    std::unordered_map<Id, Keys> products_;
    std::unordered_map<std::string, Id> by_external_, by_sku_;
};

struct ExistingVariant {
    Id id = 0;
    std::string external_id, sku;
    bool kept = false;  // matched by a variant of the record
};

// variants.sku (UNIQUE where not ''), and the variants of the products the chunk updates.
class VariantKeys {
  public:
    // The variants of `products` (by id) and the holders of `skus`.
    void load(Port& port, Connection& conn, const std::vector<Id>& products,
              const std::vector<std::string>& skus);
    std::vector<ExistingVariant>& of(Id product) { return by_product_[product]; }
    std::optional<Id> holder(const std::string& sku) const;
    void release(const std::string& sku, Id variant);
    void assign(const std::string& sku, Id variant);

  private:
    std::unordered_map<Id, std::vector<ExistingVariant>> by_product_;
    std::unordered_map<std::string, Id> by_sku_;
    std::unordered_set<Id> moved_;  // variants whose SKU was released: the database's is stale
};

}  // namespace store::engine::importing
