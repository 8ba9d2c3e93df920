#pragma once
// Orders as the admin API shows them (docs/admin-api.md "Orders"): ids as numbers, money as
// "12.34" strings, tax rates as decimal strings, statuses as {"id","name"}.
#include <vector>

#include "protocol/JsonWriter.h"
#include "store/OrderTypes.h"

namespace admin::api {

// One item of GET /orders.
void write_order_summary(protocol::JsonWriter& out, const store::OrderSummary& order);
// GET /orders/{id}; `statuses` (the shop's) give the status names of the order and its history.
void write_order_detail(protocol::JsonWriter& out, const store::Order& order,
                        const std::vector<store::NamedId>& statuses);

}  // namespace admin::api
