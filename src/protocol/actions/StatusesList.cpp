// StatusesList: {"<status_id>": "<name>"} ordered by id.
#include "protocol/actions/Common.h"

namespace protocol::actions {

Outcome statuses_list(const Params&, ActionContext& ctx, JsonWriter& out) {
    write_named_ids(out, ctx.store.lookups().order_statuses());
    return {};
}

}  // namespace protocol::actions
