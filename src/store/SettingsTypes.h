#pragma once
// Settings that staff change at run time (admin API) and the connector applies. The config file
// gives the starting values; once saved through the admin side, the stored values win.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/CatalogTypes.h"

namespace store {

// A line that binds to no catalogue product: kept as a free line, held for staff (the order
// inbox, OrderTypes.h), or the whole order refused.
enum class UnknownProducts { Keep, Hold, Reject };

// What BaseLinker may do to orders, and how its orders are taken in ([orders] in the config).
struct OrderPolicy {
    UnknownProducts unknown_products = UnknownProducts::Hold;
    bool match_by_codes = true;
    Id default_status = 1;  // for BaseLinker orders without a known status_id
    // accept_updates: which OrderUpdate types BaseLinker may apply.
    bool accept_status = true;
    bool accept_delivery_number = true;
    bool accept_paid = true;
    // BaseLinker status value (update_value, as text) -> shop status id; unmapped values pass
    // through unchanged.
    std::map<std::string, Id> status_map;

    bool operator==(const OrderPolicy&) const = default;
};

// What the database holds (table `settings`); unset members fall back to the config file.
struct StoredSettings {
    std::optional<OrderPolicy> orders;
    // Hex SHA-256 of the connector password set by a rotation; the password itself is shown
    // once and never stored.
    std::optional<std::string> connector_password_sha256;
    std::int64_t version = 0;  // bumped by every save; lets other processes notice a change
};

}  // namespace store
