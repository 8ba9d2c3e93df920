#pragma once
// The category tree as the connector shows it, computed in C++ from the whole categories table
// (small next to products) once per read, so that no query recurses per product.
//
// A category is *listed* (active_category_paths, the connector's ProductsCategories) when it and
// every ancestor are active and its root is reached within kMaxDepth steps. A product's *listed
// category* is the nearest listed category at or above its own category: the one the connector
// reports, and the one its exact category filter matches. None when no category of the chain is
// listed (no category, a cycle, an inactive root).
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/CatalogTypes.h"
#include "store/engine/Port.h"

namespace store::engine {

class CategoryTree {
  public:
    // Deepest listed category: the root is depth 0 (the same bound as every category walk).
    static constexpr int kMaxDepth = 64;

    struct Node {
        Id id = 0;
        std::optional<Id> parent_id;
        std::string name;
        bool active = true;
    };

    explicit CategoryTree(std::vector<Node> nodes);
    // Every category, in the transaction `conn` is in.
    static CategoryTree read(Connection& conn);

    // Names from the root down joined with '/', whatever the active flags ("" for an unknown id).
    // A parent loop (which the import refuses) stops after as many steps as there are categories.
    std::string path(Id id) const;
    std::optional<Id> listed_category(Id id) const;
    // Every category whose listed category is `listed` (itself included when it is listed).
    std::vector<Id> listed_as(Id listed) const;
    // The listed categories with their paths, in no particular order.
    std::vector<CategoryPath> listed_paths() const;

  private:
    // The chain from `id` up: id, parent, grandparent ... ; complete when it ends at a root.
    std::vector<const Node*> chain(Id id, bool& complete) const;

    std::vector<Node> nodes_;
    std::unordered_map<Id, std::size_t> index_;
    std::unordered_map<Id, std::optional<Id>> listed_;  // every category -> its listed category
};

}  // namespace store::engine
