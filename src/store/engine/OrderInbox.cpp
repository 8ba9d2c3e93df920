// The order inbox: staff correct the lines of a held order and release it (docs/orders.md,
// "Orders on hold").
#include "store/engine/OrderRules.h"
#include "store/engine/Orders.h"

namespace store::engine {

core::Status Orders::correct_held_line(Id, std::int64_t, const LineCorrection&, const std::string&,
                                       std::int64_t) {
    throw StoreError("correct_held_line: not written yet");
}

core::Result<ReleaseResult> Orders::release_held_order(Id, Id, const std::string&, std::int64_t) {
    throw StoreError("release_held_order: not written yet");
}

}  // namespace store::engine
