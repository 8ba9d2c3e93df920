#include "records/ShopOrder.h"

#include "records/OrderFileError.h"

namespace records {
namespace {

const store::NamedId* find_id(const std::vector<store::NamedId>& table, store::Id id) {
    for (const auto& row : table) {
        if (row.id == id) return &row;
    }
    return nullptr;
}

// A method id must name a row of the shop's table; a missing name (or COD flag) is taken from it.
void resolve_method(const std::vector<store::NamedId>& table, const std::optional<store::Id>& id,
                    std::string& name, const char* field, bool* cod) {
    if (!id) return;
    const auto* row = find_id(table, *id);
    if (row == nullptr) throw OrderFileError(field, 0, "unknown id " + std::to_string(*id));
    if (name.empty()) name = row->name;
    if (cod != nullptr) *cod = *cod || row->flag;
}

store::AddOrderResult create(store::Store& store, store::OrderInput& order,
                             const ShopOrderOptions& options) {
    auto& lookups = store.lookups();
    const auto statuses = lookups.order_statuses();
    if (order.status_id && find_id(statuses, *order.status_id) == nullptr) {
        throw OrderFileError("status_id", 0,
                             "unknown status " + std::to_string(*order.status_id) +
                                 " (known: " + known_statuses(statuses) + ")");
    }
    resolve_method(lookups.delivery_methods(), order.delivery_method_id, order.delivery_method,
                   "delivery_method.id", nullptr);
    resolve_method(lookups.payment_methods(), order.payment_method_id, order.payment_method,
                   "payment_method.id", &order.cod);
    store::AddOrderOptions add;
    add.actor = options.actor;
    add.match_by_codes = options.match_by_codes;
    // Without status_id a storefront order starts in the shop's first status (1 "Nowe").
    add.default_status = statuses.empty() ? 1 : statuses.front().id;
    if (!order.status_id) order.status_id = add.default_status;
    return store.orders().create_shop_order(order, add, options.now);
}

}  // namespace

std::string known_statuses(const std::vector<store::NamedId>& statuses) {
    std::string known;
    for (const auto& s : statuses) {
        if (!known.empty()) known += ", ";
        known += std::to_string(s.id) + " " + s.name;
    }
    return known;
}

core::Result<store::AddOrderResult> create_shop_order(store::Store& store, store::OrderInput& order,
                                                      const ShopOrderOptions& options) {
    try {
        return create(store, order, options);
    } catch (const OrderFileError& e) {
        return order_file_status(e);
    }
}

}  // namespace records
