// The action table: adding an action = one file in actions/ and one line here.
#include "protocol/Registry.h"

#include <array>

#include "protocol/actions/Common.h"

namespace protocol {
namespace {

constexpr std::array kActions{
    ActionInfo{"FileVersion", actions::file_version},
    ActionInfo{"SupportedMethods", actions::supported_methods},
    ActionInfo{"ProductsCategories", actions::products_categories},
    ActionInfo{"ProductsList", actions::products_list},
    ActionInfo{"ProductsData", actions::products_data},
    ActionInfo{"ProductsQuantity", actions::products_quantity},
    ActionInfo{"ProductsPrices", actions::products_prices},
    ActionInfo{"ProductsQuantityUpdate", actions::products_quantity_update},
    ActionInfo{"ProductsPriceUpdate", actions::products_price_update},
    ActionInfo{"StatusesList", actions::statuses_list},
    ActionInfo{"DeliveryMethodsList", actions::delivery_methods_list},
    ActionInfo{"PaymentMethodsList", actions::payment_methods_list},
    ActionInfo{"OrdersGet", actions::orders_get},
    ActionInfo{"OrderAdd", actions::order_add},
    ActionInfo{"OrderUpdate", actions::order_update},
};

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace

std::span<const ActionInfo> all_actions() {
    return kActions;
}

const ActionInfo* find_action(std::string_view name) {
    // As the official PHP files: `fileversion` and `FILEVERSION` are FileVersion.
    for (const auto& action : kActions) {
        if (equal_ignoring_ascii_case(action.name, name)) return &action;
    }
    return nullptr;
}

}  // namespace protocol
