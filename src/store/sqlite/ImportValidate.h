#pragma once
// Checks of an import batch that need no database: required fields, signs, duplicates within
// the batch. Throws ImportError naming the first bad record.
#include "store/ImportTypes.h"

namespace store::sqlite {

void validate_import(const ImportBatch& batch);

}  // namespace store::sqlite
