#pragma once
// The order store, written once for both backends: orders of both origins, their lines,
// shipments and status history. Every method is one transaction run by the port (order adds as
// grouped writes); stock moves in the same transaction as the order change that causes it.
#include <atomic>

#include "store/Store.h"
#include "store/engine/OrderPages.h"
#include "store/engine/Port.h"

namespace store::engine {

class Orders final : public store::Orders {
  public:
    explicit Orders(Port& port) : port_(port) {}

    AddOrderResult add_baselinker_order(const OrderInput& order,
                                        std::optional<Id> previous_order_id,
                                        const AddOrderOptions& options, std::int64_t now) override;
    AddOrderResult create_shop_order(const OrderInput& order, const AddOrderOptions& options,
                                     std::int64_t now) override;
    OrderPage orders_page(const OrderQuery& query, Slice slice) override;
    StatusUpdate set_status(Id order_id, Id status_id, const std::string& actor,
                            std::int64_t now) override;
    UpdateResult add_shipment(Id order_id, const Shipment& shipment, const std::string& actor,
                              std::int64_t now) override;
    UpdateResult set_paid(Id order_id, bool paid, const std::string& actor,
                          std::int64_t now) override;
    UpdateResult add_staff_comment(Id order_id, const std::string& text, const std::string& actor,
                                   std::int64_t now) override;
    std::vector<OrderSummary> list_orders(const OrderListQuery& query) override;
    std::optional<Order> order_detail(Id order_id) override;
    std::vector<Id> existing_orders(std::span<const Id> ids) override;
    OrderStats order_stats(std::int64_t now) override;
    StockAudit stock_audit() override;
    core::Status correct_held_line(Id order_id, std::int64_t line, const LineCorrection& correction,
                                   const std::string& actor, std::int64_t now) override;
    core::Result<ReleaseResult> release_held_order(Id order_id, Id status_id,
                                                   const std::string& actor,
                                                   std::int64_t now) override;

    // Tests only: buckets of `span` order ids for OrdersGet's page counts (OrderPages.h), on a
    // database without orders.
    void set_page_span(std::int64_t span);

  private:
    std::int64_t page_span(Connection& conn);
    void summarise_later(orders::BucketRange range);

    Port& port_;
    // The database's bucket width, read once (it never changes once there are orders).
    std::atomic<std::int64_t> page_span_{0};
};

}  // namespace store::engine
