#pragma once
// The storefront order file (docs/orders.md) -> store::OrderInput.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/OrderTypes.h"

namespace records {

// A bad order file. `field` is the key path ("delivery_method.price", "price"), `line` the
// 1-based order line it belongs to (0: not inside a line). what() is the whole message:
// "line 2: price: not a price with at most 2 decimals".
struct OrderFileError : std::runtime_error {
    OrderFileError(std::string field, std::size_t line, const std::string& reason);
    std::string field;
    std::size_t line;
};

// The largest order the file may hold; more is almost certainly a generated mistake.
inline constexpr std::size_t kMaxOrderFileLines = 1000;

// Strict: unknown keys, wrong types, bad prices or quantities throw OrderFileError. Not JSON at
// all throws OrderFileError with field "" naming the position of the syntax error in the file.
// The result has origin Shop and takes stock; status, method ids and names are checked against
// the shop's tables by the caller.
store::OrderInput parse_order_file(std::string_view json_text);

}  // namespace records
