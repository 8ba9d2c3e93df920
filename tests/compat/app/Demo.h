#pragma once
// Transitional, for tests/store only (on its include path, nothing else's): the demo shop
// generator moved to records/Demo.h (namespace records). tests/store, being rewritten on another
// branch, still includes "app/Demo.h" and calls app::make_demo_batch; delete tests/compat once
// it includes records/Demo.h.
#include "records/Demo.h"

namespace app {
using records::ean13_check_digit;
using records::make_demo_batch;
}  // namespace app
