// ProductsCategories: {category_id: "Parent/Child/Leaf"} for every active category.
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome products_categories(const Params&, ActionContext& ctx, JsonWriter& out) {
    const auto paths = ctx.store.catalog().active_category_paths();
    if (paths.empty()) {
        write_empty(out);
        return {};
    }
    out.begin_object();
    for (const auto& category : paths) out.key(category.id).string(category.path);
    out.end_object();
    return {};
}

}  // namespace protocol::actions
