#pragma once
// Orders as the admin API shows them (docs/admin-api.md "Orders"): ids as numbers, money as
// "12.34" strings, tax rates as decimal strings, statuses as {"id","name"}.
#include <vector>

#include "store/OrderTypes.h"
#include "wire/JsonWriter.h"

namespace admin::api {

// One item of GET /orders.
void write_order_summary(wire::JsonWriter& out, const store::OrderSummary& order);
// GET /orders/{id}; `statuses` (the shop's) give the status names of the order and its history.
void write_order_detail(wire::JsonWriter& out, const store::Order& order,
                        const std::vector<store::NamedId>& statuses);

}  // namespace admin::api
