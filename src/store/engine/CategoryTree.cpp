#include "store/engine/CategoryTree.h"

#include <algorithm>

namespace store::engine {

CategoryTree::CategoryTree(std::vector<Node> nodes) : nodes_(std::move(nodes)) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) index_[nodes_[i].id] = i;
    for (const Node& node : nodes_) {
        bool complete = false;
        const auto up = chain(node.id, complete);
        std::optional<Id> listed;
        if (complete) {
            // Listed: the run of active categories from the root down, at most kMaxDepth deep.
            for (std::size_t depth = 0; depth < up.size() && depth <= kMaxDepth; ++depth) {
                const Node* at = up[up.size() - 1 - depth];
                if (!at->active) break;
                listed = at->id;
            }
        }
        listed_[node.id] = listed;
    }
}

CategoryTree CategoryTree::read(Connection& conn) {
    auto st = conn.prepare("SELECT id, parent_id, name, active FROM categories");
    std::vector<Node> nodes;
    while (st.step()) {
        Node node;
        node.id = st.integer(0);
        if (!st.is_null(1)) node.parent_id = st.integer(1);
        node.name = st.text(2);
        node.active = st.integer(3) != 0;  // a boolean reads as 0/1 on both backends
        nodes.push_back(std::move(node));
    }
    return CategoryTree(std::move(nodes));
}

std::vector<const CategoryTree::Node*> CategoryTree::chain(Id id, bool& complete) const {
    std::vector<const Node*> up;
    complete = false;
    auto it = index_.find(id);
    while (it != index_.end() && up.size() <= nodes_.size()) {
        const Node& node = nodes_[it->second];
        up.push_back(&node);
        if (!node.parent_id) {
            complete = true;
            break;
        }
        it = index_.find(*node.parent_id);
    }
    return up;
}

std::string CategoryTree::path(Id id) const {
    bool complete = false;
    const auto up = chain(id, complete);
    std::string text;
    for (auto it = up.rbegin(); it != up.rend(); ++it) {
        if (!text.empty()) text += '/';
        text += (*it)->name;
    }
    return text;
}

std::optional<Id> CategoryTree::listed_category(Id id) const {
    auto it = listed_.find(id);
    return it == listed_.end() ? std::nullopt : it->second;
}

std::vector<Id> CategoryTree::listed_as(Id listed) const {
    std::vector<Id> ids;
    for (const auto& [id, target] : listed_)
        if (target == listed) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<CategoryPath> CategoryTree::listed_paths() const {
    std::vector<CategoryPath> out;
    for (const Node& node : nodes_)
        if (listed_category(node.id) == node.id)
            out.push_back(CategoryPath{node.id, path(node.id)});
    return out;
}

}  // namespace store::engine
