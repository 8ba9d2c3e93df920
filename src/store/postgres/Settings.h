#pragma once
#include "store/Store.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

// Run-time settings in the key/value table `settings` (001), encoded as in the SQLite backend:
// `orders.policy` (JSON, store/PolicyText.h), `connector.password_sha256`, `version`.
class PgSettings final : public Settings {
  public:
    explicit PgSettings(Pool& pool) : pool_(pool) {}
    StoredSettings load() override;
    void save(const StoredSettings& settings) override;
    std::int64_t version() override;

  private:
    Pool& pool_;
};

}  // namespace store::postgres
