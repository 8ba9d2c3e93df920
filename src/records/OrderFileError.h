#pragma once
// How the order file's parser and create_shop_order report a bad order inside records/: an
// exception thrown where a rule fails (several calls deep in the JSON reader) and caught at the
// public functions, which return it as a core::Status. It never leaves records/.
#include <cstddef>
#include <stdexcept>
#include <string>

#include "core/Status.h"

namespace records {

// `field` is the key path ("delivery_method.price", "price"), `line` the 1-based order line it
// belongs to (0: not inside a line). what() is the whole message:
// "line 2: price: not a price with at most 2 decimals".
struct OrderFileError : std::runtime_error {
    OrderFileError(std::string field, std::size_t line, const std::string& reason);
    std::string field;
    std::size_t line;
};

// InvalidField with the field as a path ("lines[2].price"; lines counted from 1 as in the
// message) and what() as the message; Malformed when the file is not JSON at all.
core::Status order_file_status(const OrderFileError& error);

}  // namespace records
