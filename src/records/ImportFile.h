#pragma once
// The JSON import file format (docs/import.md) -> store::ImportBatch.
#include <string>
#include <string_view>

#include "core/Status.h"
#include "store/ImportTypes.h"

namespace records {

// A bad record is InvalidField with the field "<section> record <n>" (1-based) and the reason as
// message, as the store's import reports it ("products record 2: price: not a price..."); a file
// that is not JSON or not the expected shape is Malformed.
core::Result<store::ImportBatch> parse_import_file(std::string_view json_text);

// One record of the file's `products` section on its own (the admin API's product body), read
// by the same code as the file. InvalidField naming the field as a path ("price",
// "variants[2].name"), or Malformed when the text is not a JSON object.
core::Result<store::ImportProduct> parse_import_product(std::string_view json_text);

}  // namespace records
