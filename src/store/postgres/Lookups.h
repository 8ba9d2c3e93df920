#pragma once
#include "store/Store.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

// Order statuses, delivery and payment methods (small tables read by id, edited by staff), and
// the admin lists of categories and manufacturers.
class PgLookups final : public Lookups {
  public:
    explicit PgLookups(Pool& pool) : pool_(pool) {}
    std::vector<NamedId> order_statuses() override;
    std::vector<NamedId> delivery_methods() override;
    std::vector<NamedId> payment_methods() override;
    Id save_order_status(const NamedId& item) override;
    Id save_delivery_method(const NamedId& item) override;
    Id save_payment_method(const NamedId& item) override;
    std::vector<CategoryRow> categories() override;
    std::vector<ManufacturerRow> manufacturers() override;

  private:
    std::vector<NamedId> read(const char* sql);
    // One insert (id 0) or update statement of a lookup table. Both bind $1 name, then $2 flag
    // when the table has one; the update binds the id after them. Both return the row's id.
    Id save(const NamedId& item, const char* insert_sql, const char* update_sql, const char* what,
            bool has_flag);
    Pool& pool_;
};

}  // namespace store::postgres
