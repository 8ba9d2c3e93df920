#pragma once
#include "store/Store.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

// Run-time settings in the key/value table `settings` (001): `orders.policy` (JSON),
// `connector.password_sha256`, `version`.
class SqliteSettings final : public Settings {
  public:
    explicit SqliteSettings(Pool& pool) : pool_(pool) {}
    StoredSettings load() override;
    void save(const StoredSettings& settings) override;
    std::int64_t version() override;

  private:
    Pool& pool_;
};

}  // namespace store::sqlite
