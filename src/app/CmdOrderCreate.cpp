// `blconnect order create FILE.json`: an order placed in the shop's storefront (docs/orders.md).
// It takes stock in the same transaction and is offered to BaseLinker on its next OrdersGet.
#include <iostream>

#include <fmt/format.h>

#include "app/CmdOrder.h"
#include "app/OrderFile.h"

namespace app {
namespace {

using namespace order_cli;

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

// What the file says must exist in the shop (statuses, delivery and payment methods).
void check_against_shop(store::Lookups& lookups, const std::vector<store::NamedId>& statuses,
                        store::OrderInput& order) {
    if (order.status_id && find_id(statuses, *order.status_id) == nullptr) {
        throw OrderFileError("status_id", 0,
                             "unknown status " + std::to_string(*order.status_id) +
                                 " (known: " + known_statuses(statuses) + ")");
    }
    resolve_method(lookups.delivery_methods(), order.delivery_method_id, order.delivery_method,
                   "delivery_method.id", nullptr);
    resolve_method(lookups.payment_methods(), order.payment_method_id, order.payment_method,
                   "payment_method.id", &order.cod);
}

// A line that names a product (id, sku or ean) but matched none is probably a typo: say so.
bool named_a_product(const store::OrderLineInput& line) {
    return line.product_id.has_value() || !line.sku.empty() || !line.ean.empty();
}

std::string binding(const store::LineOutcome& outcome) {
    if (!outcome.product_id) return "free line, no stock taken";
    std::string out = "product " + std::to_string(*outcome.product_id);
    if (outcome.variant_id != 0) out += " variant " + std::to_string(outcome.variant_id);
    out += ", stock taken " + std::to_string(outcome.stock_taken);
    if (outcome.oversold > 0) out += ", OVERSOLD " + std::to_string(outcome.oversold);
    return out;
}

void print_created(const store::AddOrderResult& result, const store::OrderInput& order,
                   const std::vector<store::NamedId>& statuses, store::Id status) {
    core::Money total = order.delivery_price;
    for (const auto& line : order.lines) total = total + line.unit_price * line.quantity;
    std::cout << fmt::format("order {} created: {} line(s), total {}, status {}, {}\n",
                             result.order_id, order.lines.size(), amount(total, order.currency),
                             status_name(statuses, status), order.paid ? "paid" : "unpaid");
    for (const auto& outcome : result.lines) {
        const auto& line = order.lines.at(outcome.line);
        std::cout << fmt::format("  line {}: {} x {}: {}\n", outcome.line + 1, line.name,
                                 line.quantity, binding(outcome));
        if (!outcome.product_id && named_a_product(line)) {
            std::cout << "    warning: no catalogue product matches this line's product_id, sku "
                         "or ean\n";
        }
    }
}

}  // namespace

int cmd_order_create(const OrderCreateOptions& options) {
    try {
        auto order = parse_order_file(read_text_file(options.file));
        auto session = open_session(options);
        auto statuses = session.store->lookups().order_statuses();
        check_against_shop(session.store->lookups(), statuses, order);
        store::AddOrderOptions add;
        add.actor = kActor;
        add.match_by_codes = session.config.endpoint.connector.orders.match_by_codes;
        // Without status_id a storefront order starts in the shop's first status (1 "Nowe").
        add.default_status = statuses.empty() ? 1 : statuses.front().id;
        auto result = session.store->orders().create_shop_order(order, add, now_utc());
        print_created(result, order, statuses, order.status_id.value_or(add.default_status));
        return 0;
    } catch (const OrderFileError& e) {
        std::cerr << "order file " << options.file << ": " << e.what() << "; nothing was written\n";
    }
    return 1;
}

}  // namespace app
