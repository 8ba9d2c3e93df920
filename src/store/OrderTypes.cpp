#include "store/OrderTypes.h"

namespace store {

core::Money Order::total() const {
    core::Money sum = delivery_price;
    for (const auto& line : lines) sum = sum + line.unit_price * line.quantity;
    return sum;
}

}  // namespace store
