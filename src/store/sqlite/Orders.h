#pragma once
// The SQLite order store: orders of both origins, their lines, shipments and status history.
// Every public method is one transaction on one pooled connection, except that concurrent order
// adds share one (group commit, each under its own savepoint); stock moves in the same
// transaction as the order change that causes it.
#include <mutex>

#include "store/Store.h"
#include "store/sqlite/GroupCommit.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

class SqliteOrders final : public Orders {
  public:
    explicit SqliteOrders(Pool& pool) : pool_(pool), adds_(pool, write_mutex_) {}

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

    // The group commit of order adds; tests hold a batch open with it to fill the next one.
    GroupCommit& group_commit() { return adds_; }

  private:
    // Writers of this process queue on a mutex rather than in SQLite's busy handler, whose
    // sleep-based back-off (1, 2, 5, 10... ms) would leave the write lock idle under load.
    // Other processes are still serialised by SQLite's own lock (BEGIN IMMEDIATE + busy timeout).
    template <class Fn>
    auto run_write(Fn&& fn) {
        std::lock_guard lock(write_mutex_);
        auto conn = pool_.acquire();
        return fn(*conn);
    }

    Pool& pool_;
    std::mutex write_mutex_;
    // Order adds are what arrives concurrently (OrderAdd, storefront checkouts): one fsync per
    // batch instead of one per order. Acknowledged only after the COMMIT holding them.
    GroupCommit adds_;
};

}  // namespace store::sqlite
