#pragma once
// The JSON import file format (docs/import.md) -> store::ImportBatch.
#include <string>
#include <string_view>

#include "store/ImportTypes.h"

namespace records {

// Throws store::ImportError (section, 1-based record, reason) on a bad record, or
// std::runtime_error when the file is not JSON / not the expected shape.
store::ImportBatch parse_import_file(std::string_view json_text);

// One record of the file's `products` section on its own (the admin API's product body), read
// by the same code as the file. Throws records::JsonFieldError (JsonRecord.h) naming the field
// as a path: "price", "variants[2].name"; the field is "" when the text is not a JSON object.
store::ImportProduct parse_import_product(std::string_view json_text);

}  // namespace records
