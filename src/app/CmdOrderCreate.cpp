// `blconnect order create FILE.json`: an order placed in the shop's storefront (docs/orders.md).
// It takes stock in the same transaction and is offered to BaseLinker on its next OrdersGet.
#include <iostream>

#include <fmt/format.h>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"
#include "records/OrderFile.h"
#include "records/ShopOrder.h"

namespace app {
namespace {

using namespace order_cli;

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

// "order file F: line 2: price: ...": the order file's messages name their line and field.
int order_file_failed(const std::string& file, const core::Status& status) {
    std::cerr << "order file " << file << ": " << status.message() << "; nothing was written\n";
    return exit_code(status);
}

}  // namespace

int cmd_order_create(const OrderCreateOptions& options) {
    auto order = records::parse_order_file(read_text_file(options.file));
    if (!order) return order_file_failed(options.file, order.status());
    auto session = open_session(options);
    records::ShopOrderOptions shop;
    shop.actor = kActor;
    shop.match_by_codes = session.config.endpoint.connector.orders.match_by_codes;
    shop.now = now_utc();
    auto result = records::create_shop_order(*session.store, *order, shop);
    if (!result) return order_file_failed(options.file, result.status());
    auto statuses = session.store->lookups().order_statuses();
    print_created(*result, *order, statuses, order->status_id.value_or(1));
    return 0;
}

}  // namespace app
