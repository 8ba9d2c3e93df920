#pragma once
// Checks of an import batch that need no database: required fields, signs, duplicates within
// the batch. Throws ImportError naming the first bad record. Backend-neutral: every backend runs
// them before it writes, so each rule exists once.
#include "store/ImportError.h"
#include "store/ImportTypes.h"

namespace store {

void validate_import(const ImportBatch& batch);

}  // namespace store
