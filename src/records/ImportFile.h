#pragma once
// The JSON import file format (docs/import.md) -> store::ImportBatch.
#include <string>
#include <string_view>

#include "store/ImportTypes.h"

namespace records {

// Throws store::ImportError (section, 1-based record, reason) on a bad record, or
// std::runtime_error when the file is not JSON / not the expected shape.
store::ImportBatch parse_import_file(std::string_view json_text);

}  // namespace records
