#pragma once
#include "store/Store.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

// Order statuses, delivery and payment methods: small tables read by id.
class SqliteLookups final : public Lookups {
  public:
    explicit SqliteLookups(Pool& pool) : pool_(pool) {}
    std::vector<NamedId> order_statuses() override;
    std::vector<NamedId> delivery_methods() override;
    std::vector<NamedId> payment_methods() override;

  private:
    std::vector<NamedId> read(const char* sql);
    Pool& pool_;
};

}  // namespace store::sqlite
