#pragma once
// Creating a storefront order, the one implementation behind `blconnect order create` and the
// admin API's POST /orders: the order's status and method ids are checked against the shop's
// tables, missing method names are taken from them, then the store creates the order (taking
// stock in the same transaction).
#include <cstdint>
#include <string>

#include "store/Store.h"

namespace records {

struct ShopOrderOptions {
    bool match_by_codes = true;  // [orders] match_by_codes
    std::string actor;           // "cli", "admin:anna"
    std::int64_t now = 0;        // unix seconds UTC
};

// InvalidField (field "status_id", "delivery_method.id", "payment_method.id"; the message is the
// whole sentence, as parse_order_file's) when the order names a status or method the shop does
// not have; nothing is written then. Without status_id the order starts in the shop's first
// status.
core::Result<store::AddOrderResult> create_shop_order(store::Store& store, store::OrderInput& order,
                                                      const ShopOrderOptions& options);

// "1 Nowe, 2 W realizacji, ...": the shop's statuses, for error messages.
std::string known_statuses(const std::vector<store::NamedId>& statuses);

}  // namespace records
