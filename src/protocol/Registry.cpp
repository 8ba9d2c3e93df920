// The action table: adding an action = one file in actions/ and one line in BLC_ACTIONS below.
#include "protocol/Registry.h"

#include <array>

// Every action, in the order SupportedMethods lists them: its CamelCase name and the function
// that its file in actions/ defines in protocol::actions, with the signature of ActionFn.
#define BLC_ACTIONS(ACTION)                                    \
    ACTION("FileVersion", file_version)                        \
    ACTION("SupportedMethods", supported_methods)              \
    ACTION("ProductsCategories", products_categories)          \
    ACTION("ProductsList", products_list)                      \
    ACTION("ProductsData", products_data)                      \
    ACTION("ProductsQuantity", products_quantity)              \
    ACTION("ProductsPrices", products_prices)                  \
    ACTION("ProductsQuantityUpdate", products_quantity_update) \
    ACTION("ProductsPriceUpdate", products_price_update)       \
    ACTION("StatusesList", statuses_list)                      \
    ACTION("DeliveryMethodsList", delivery_methods_list)       \
    ACTION("PaymentMethodsList", payment_methods_list)         \
    ACTION("OrdersGet", orders_get)                            \
    ACTION("OrderAdd", order_add)                              \
    ACTION("OrderUpdate", order_update)

namespace protocol {

namespace actions {
#define BLC_DECLARE_ACTION(name, function) \
    Outcome function(const Params& params, ActionContext& ctx, JsonWriter& out);
BLC_ACTIONS(BLC_DECLARE_ACTION)
#undef BLC_DECLARE_ACTION
}  // namespace actions

namespace {

#define BLC_LIST_ACTION(name, function) ActionInfo{name, actions::function},
constexpr std::array kActions{BLC_ACTIONS(BLC_LIST_ACTION)};
#undef BLC_LIST_ACTION

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
