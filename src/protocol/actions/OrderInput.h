#pragma once
// OrderAdd's form fields -> store::OrderInput. Every check of docs/protocol.md §3.2 happens here,
// before the store is touched, so that a rejected request writes nothing.
#include <optional>

#include "core/Status.h"
#include "protocol/Action.h"
#include "store/OrderTypes.h"
#include "wire/Params.h"

namespace protocol::actions {

struct OrderAddRequest {
    store::OrderInput order;
    std::optional<store::Id> previous_order_id;  // nullopt when empty or 0
};

// invalid_parameter naming the first bad field ("products: line 2 quantity: ...").
// `currency` fills an empty `currency` field (the shop currency).
core::Result<OrderAddRequest> read_order_add(const Params& params, const std::string& currency);

}  // namespace protocol::actions
