#pragma once
// Parsing of the `products` field of ProductsQuantityUpdate / ProductsPriceUpdate: a JSON array of
// objects whose scalars may be numbers or strings. Structural problems are errors; per-entry
// problems are reported per entry (the action skips and journals them).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Error.h"
#include "core/Money.h"

namespace protocol {

// One entry with its scalar fields as text ("" when absent or null).
struct RawEntry {
    std::string product_id, variant_id, operation, quantity, price;
};

// Parses the JSON array. Error (invalid_parameter naming `field`) when the text is not JSON, not
// an array, an element is not an object, a value is a nested container where a scalar is
// expected, or the array is deeper/longer than the limits (depth 32, 100,000 entries).
core::Result<std::vector<RawEntry>> parse_products_field(std::string_view json,
                                                         std::string_view field = "products");

}  // namespace protocol
