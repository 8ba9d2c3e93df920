// `blconnect order list`: the newest orders of both origins as a table, newest first.
#include <iostream>

#include <fmt/format.h>

#include "app/CmdOrder.h"

namespace app {
namespace {

using namespace order_cli;

const char* kRow = "{:>8}  {:<23}  {:<10}  {:>12}  {:<22}  {:<4}  {:>16}  {:<28}  {:>8}  {}\n";

void print_row(const store::OrderSummary& o) {
    std::cout << fmt::format(fmt::runtime(kRow), o.id, utc_time(o.date_add),
                             o.origin == store::OrderOrigin::Shop ? "shop" : "baselinker",
                             o.baselinker_id ? std::to_string(*o.baselinker_id) : "-",
                             o.status_name, o.paid ? "yes" : "no", amount(o.total, o.currency),
                             o.buyer.empty() ? "-" : o.buyer, o.oversold,
                             o.latest_tracking.empty() ? "-" : o.latest_tracking);
}

}  // namespace

int cmd_order_list(const OrderListOptions& options) {
    auto session = open_session(options);
    store::OrderListQuery query;
    query.limit = options.last;
    if (!options.origin.empty()) {
        query.origin =
            options.origin == "shop" ? store::OrderOrigin::Shop : store::OrderOrigin::BaseLinker;
    }
    if (options.paid >= 0) query.paid = options.paid == 1;
    if (!options.status.empty()) {
        auto statuses = session.store->lookups().order_statuses();
        auto status = find_status(statuses, options.status);
        if (!status) return unknown_status(statuses, options.status);
        query.status_id = status->id;
    }
    auto orders = session.store->orders().list_orders(query);
    std::cout << fmt::format(fmt::runtime(kRow), "order", "placed", "origin", "BaseLinker id",
                             "status", "paid", "total", "buyer", "oversold", "tracking");
    for (const auto& order : orders) print_row(order);
    if (orders.empty()) std::cout << "(no orders)\n";
    return 0;
}

}  // namespace app
