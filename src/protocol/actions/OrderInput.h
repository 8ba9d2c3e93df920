#pragma once
// OrderAdd's form fields -> store::OrderInput. Every check of docs/protocol.md §3.2 happens here,
// before the store is touched, so that a refused request writes nothing.
#include <optional>

#include "core/Status.h"
#include "protocol/Action.h"
#include "store/OrderTypes.h"
#include "wire/Params.h"

namespace protocol::actions {

struct OrderAddRequest {
    store::OrderInput order;
    std::optional<store::Id> previous_order_id;  // nullopt when empty or 0
    // What was read as BaseLinker's PHP would read it rather than as the protocol writes it
    // ("line 2 quantity: \"2.0\" read as 2"), for the journal entry.
    wire::Notes normalised;
};

// Reads every field as BaseLinker's PHP files would (docs/protocol.md §5.1): numbers as numeric
// strings, integers written with a zero fraction, money rounded to the grosz, PHP flags, method
// and status ids that are not ids ignored (the default applies); each such reading is noted.
// invalid_parameter only when no order can be identified: baselinker_id missing, 0 or not an id,
// previous_order_id not an id, `products` missing or not JSON. Anything else PHP could not read
// either ("line 2 quantity: \"1.5\" ...") goes into order.problems with a stand-in value, and
// order.request is the request as received (always: the store may hold the order for a line that
// binds to nothing, which only it can tell), kept with the order when the store holds it.
// `currency` fills an empty `currency` field (the shop currency).
core::Result<OrderAddRequest> read_order_add(const Params& params, const std::string& currency);

}  // namespace protocol::actions
