#pragma once
// Deterministic, realistic demo shop (Polish names with diacritics, ~200 categories in 3 levels,
// ~100 manufacturers, ~30 % of products with 2-6 variants, valid EAN-13, unique SKUs, 1-4 images,
// features). The same seed and count always give the same batch.
#include <cstdint>

#include "store/ImportTypes.h"

namespace records {

store::ImportBatch make_demo_batch(std::int64_t product_count, std::uint64_t seed = 20261129);

// EAN-13 check digit of the first 12 digits.
int ean13_check_digit(const char* twelve_digits);

}  // namespace records
