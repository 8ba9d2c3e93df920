#pragma once
// A record of an import batch is invalid. Internal to the store: thrown where a rule finds the bad
// record (often deep inside the write transaction, which it rolls back), caught at the store's
// interface (Catalog::import, Catalog::save_product) and returned as a core::Status. It never
// leaves the store; callers see only the Status.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/Status.h"

namespace store {

struct ImportError : std::runtime_error {
    ImportError(std::string section, std::int64_t record, const std::string& reason)
        : std::runtime_error(section + " record " + std::to_string(record) + ": " + reason),
          section(std::move(section)),
          record(record),
          reason(reason) {}
    std::string section;  // "categories", "manufacturers", "products"
    std::int64_t record;  // 1-based index within the section
    std::string reason;   // "negative price", "sku X already used by product 7"...
};

// The Status of a bad record of a batch: field "products record 3" (what docs/import.md shows),
// message the reason; Conflict when the record wants a key another product holds.
core::Status import_status(const ImportError& error);

// The Status of a bad single product (Catalog::save_product): the field is the record's own field
// the reason is about ("sku", "category", "variants[2]"), the message the reason.
core::Status save_status(const ImportError& error);

}  // namespace store
