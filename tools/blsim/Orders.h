#pragma once
// Simulated marketplace orders: what Allegro or Amazon would hand BaseLinker, and BaseLinker
// would send the shop with OrderAdd. Deterministic: the same seed gives the same order, so a
// run can be reproduced from the saved state counter.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "blsim/Client.h"
#include "blsim/SyncCatalog.h"
#include "core/Money.h"

namespace blsim {

// splitmix64: tiny, portable and identical on every platform (std distributions are not).
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }

  private:
    std::uint64_t state_;
};

struct OrderLine {
    CatalogItem item;
    std::int64_t quantity = 1;
};

struct SimOrder {
    Fields fields;  // every scalar OrderAdd field, exactly as sent
    std::vector<OrderLine> lines;
};

// The shop's lookup lists (StatusesList / DeliveryMethodsList / PaymentMethodsList): id -> name.
struct ShopLists {
    std::map<std::string, std::string> statuses, delivery, payment;
};

// One order with 1-5 lines of distinct units whose quantity fits in `stock_left`, which is
// decremented. Returns an order with no lines when nothing is left in stock.
SimOrder make_order(Rng& rng, const std::string& baselinker_id, const Catalog& catalog,
                    const ShopLists& lists, StockMap& stock_left);

// The OrderAdd form: `fields` plus `products` as a JSON string (numbers as strings, like BL).
Fields order_add_form(const SimOrder& order);

// Heuristics on the shop's names, since the lists carry names only.
bool is_cod_payment(const std::string& name);
bool is_locker_delivery(const std::string& name);
bool is_cancel_status(const std::string& name);
// A status the shop keeps for its own use (blconnect's order inbox: "Wymaga uwagi"), which a
// BaseLinker user would not map a marketplace status onto.
bool is_hold_status(const std::string& name);

}  // namespace blsim
