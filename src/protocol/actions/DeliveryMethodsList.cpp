// DeliveryMethodsList: {"<delivery_method_id>": "<name>"} ordered by id.
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome delivery_methods_list(const Params&, ActionContext& ctx, JsonWriter& out) {
    write_named_ids(out, ctx.store.lookups().delivery_methods());
    return {};
}

}  // namespace protocol::actions
