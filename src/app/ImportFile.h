#pragma once
// The JSON import file format (docs/import.md) -> store::ImportBatch.
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "store/ImportTypes.h"

namespace app {

// Throws store::ImportError (section, 1-based record, reason) on a bad record, or
// std::runtime_error when the file is not JSON / not the expected shape.
store::ImportBatch parse_import_file(std::string_view json_text);

// The decimal text of a JSON scalar exactly as the import file reads prices and tax rates (strings
// as they are, numbers without binary rounding); for other JSON files of the shop (orders).
// Throws std::runtime_error "<key>: <reason>" when `value` is no plain decimal.
std::string json_decimal_text(const boost::json::value& value, const std::string& key);

}  // namespace app
