#pragma once
// The PostgreSQL order store: orders of both origins, their lines, shipments and status history,
// with the behaviour of sqlite/Orders.h. Every public method is one transaction on one pooled
// connection (no group commit: PostgreSQL commits concurrent transactions by itself), safe with
// several blconnect processes on one database:
// * exactly once: UNIQUE(baselinker_id) decides (INSERT ... ON CONFLICT DO NOTHING);
// * no skipped orders: order creation is serialised by an advisory lock (see OrdersAdd.cpp);
// * stock moves are single atomic UPDATEs on rows locked in ascending (product, variant) order;
// * a transaction aborted by a deadlock or a serialization failure is run again.
#include "store/Store.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

class PgOrders final : public Orders {
  public:
    explicit PgOrders(Pool& pool) : pool_(pool) {}

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
    OrderStats order_stats(std::int64_t now) override;

  private:
    // Runs `fn(conn)` (which opens and commits its own transaction) and runs it again on a fresh
    // transaction when PostgreSQL aborted it for a deadlock or a serialization failure: another
    // process took the same rows in another order (a catalogue import, a stock update).
    template <class Fn>
    auto run_write(Fn&& fn) {
        for (int attempt = 1;; ++attempt) {
            try {
                auto conn = pool_.acquire();
                return fn(*conn);
            } catch (const RetryableError&) {
                if (attempt == kWriteAttempts) throw;
            }
            back_off(attempt);
        }
    }
    static constexpr int kWriteAttempts = 5;
    static void back_off(int attempt);  // a short random pause, so the retries do not collide

    Pool& pool_;
};

}  // namespace store::postgres
