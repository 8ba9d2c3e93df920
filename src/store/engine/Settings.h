#pragma once
// Run-time settings as rows of the key/value table `settings` (001), the same SQL for both
// backends: the order policy as one JSON text (store/PolicyText.h), the connector password's
// hash, and a version counter that every save bumps.
#include <optional>
#include <string>

#include "store/PolicyText.h"
#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::engine {

class Settings final : public store::Settings {
  public:
    explicit Settings(Port& port) : port_(port) {}

    StoredSettings load() override;

    void save(const StoredSettings& settings) override;

    std::int64_t version() override;

  private:
    static constexpr const char* kPolicyKey = "orders.policy";
    static constexpr const char* kPasswordKey = "connector.password_sha256";
    static constexpr const char* kVersionKey = "version";

    static std::int64_t read_version(Connection& conn);

    static void put(Connection& conn, const char* key, const std::optional<std::string>& value);

    Port& port_;
};

}  // namespace store::engine
