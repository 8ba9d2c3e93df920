#pragma once
// The storefront order file (docs/orders.md) -> store::OrderInput.
#include <cstddef>
#include <string_view>

#include "core/Status.h"
#include "store/OrderTypes.h"

namespace records {

// The largest order the file may hold; more is almost certainly a generated mistake.
inline constexpr std::size_t kMaxOrderFileLines = 1000;

// Strict: unknown keys, wrong types, bad prices or quantities are InvalidField with the field as a
// path ("delivery_method.price", "lines[2].price") and, as message, the whole sentence staff read
// ("line 2: price: not a price with at most 2 decimals"). Not JSON at all is Malformed, naming the
// line and column of the syntax error. The result has origin Shop and takes stock; status, method
// ids and names are checked against the shop's tables by create_shop_order.
core::Result<store::OrderInput> parse_order_file(std::string_view json_text);

}  // namespace records
