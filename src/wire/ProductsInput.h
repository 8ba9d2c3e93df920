#pragma once
// Parsing of the `products` fields: ProductsQuantityUpdate / ProductsPriceUpdate entries and
// OrderAdd lines. Each is a JSON array of objects whose scalars may be numbers or strings; every
// scalar is kept as its source text so that money never passes through a double. Structural
// problems are errors; the meaning of each value is checked by the caller.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Money.h"
#include "core/Status.h"
#include "wire/Params.h"

namespace wire {

// One entry with its scalar fields as text ("" when absent or null).
struct RawEntry {
    std::string product_id, variant_id, operation, quantity, price;
};

// Parses the JSON array, or a JSON object whose values are the entries (what PHP's json_encode
// makes of a list whose keys are not 0..n-1: its values are read in the order written, as PHP's
// foreach does, and a note says so in `normalised`). Error (invalid_parameter naming `field`)
// when the text is not JSON, neither an array nor an object, an element is not an object, a
// value is a nested container where a scalar is expected, or the limits are exceeded (depth 32,
// 100,000 entries).
core::Result<std::vector<RawEntry>> parse_products_field(std::string_view json,
                                                         std::string_view field = "products",
                                                         Notes* normalised = nullptr);

// One attribute of an order line ("Kolor" = "niebieski", price surcharge), values as text.
struct RawAttribute {
    std::string name, value, price;
};

// One OrderAdd line with its scalar fields as text ("" when absent or null).
struct RawOrderLine {
    std::string id, variant_id, sku, ean, name, price, quantity, tax, auction_id;
    std::vector<RawAttribute> attributes;
};

inline constexpr std::size_t kMaxOrderLines = 10000;

// Parses OrderAdd's `products`: an array of lines, or an object whose values are the lines (as
// parse_products_field). Error (invalid_parameter naming `field`, lines counted from 1)
// when the text is not JSON, neither an array nor an object, a line or attribute is not an object,
// a known field holds a container, a string is not valid UTF-8, or the limits are exceeded (depth
// 32, kMaxOrderLines lines). `attributes` may be an array or an object of attribute objects; null
// or any other scalar means none. Unknown keys are ignored whatever they hold.
core::Result<std::vector<RawOrderLine>> parse_order_lines(std::string_view json,
                                                          std::string_view field = "products",
                                                          Notes* normalised = nullptr);

}  // namespace wire
