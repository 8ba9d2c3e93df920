#pragma once
// Order statuses, delivery and payment methods (small tables read by id, edited by staff), and
// the admin lists of categories and manufacturers: the same SQL and rules for both backends.
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Text.h"
#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::engine {

class Lookups final : public store::Lookups {
  public:
    explicit Lookups(Port& port) : port_(port) {}

    std::vector<NamedId> order_statuses() override;
    std::vector<NamedId> delivery_methods() override;
    std::vector<NamedId> payment_methods() override;

    core::Result<Id> save_order_status(const NamedId& item) override;
    core::Result<Id> save_delivery_method(const NamedId& item) override;
    core::Result<Id> save_payment_method(const NamedId& item) override;

    std::vector<CategoryRow> categories() override;

    std::vector<ManufacturerRow> manufacturers() override;

  private:
    std::vector<NamedId> read(const char* sql);

    // One insert (id 0) or update statement of a lookup table, in its own write transaction
    // (on SQLite BEGIN IMMEDIATE, so it waits for the write lock up front). Both statements
    // bind ?1 name, then ?2 flag when the table has one; the update binds the id after them
    // (numbered without gaps: PostgreSQL cannot type a parameter the SQL never uses). Both
    // return the row's id; no row means the id names nothing.
    core::Result<Id> save(const NamedId& item, const char* insert_sql, const char* update_sql,
                          const char* what, bool has_flag);

    Port& port_;
};

}  // namespace store::engine
