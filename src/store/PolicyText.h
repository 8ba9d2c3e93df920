#pragma once
// The stored text of the order policy (settings row `orders.policy`): one JSON object, the same
// on every backend, so that a database moved between backends means the same thing.
#include <optional>
#include <string>
#include <string_view>

#include "store/SettingsTypes.h"

namespace store {

// "keep", "hold", "reject": the one spelling of the policy in the config, settings and API.
const char* unknown_products_name(UnknownProducts policy);
std::optional<UnknownProducts> unknown_products_from(std::string_view name);

std::string encode_order_policy(const OrderPolicy& policy);
// Members missing from the text keep their defaults (a text written by an older version); a
// member of the wrong type throws StoreError naming `key` (the row is damaged).
OrderPolicy decode_order_policy(const std::string& text, const char* key);

}  // namespace store
