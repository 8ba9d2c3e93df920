#pragma once
// The connector settings in force: the config file's values with what staff saved through the
// admin side (store::Settings) on top. Requests take an immutable snapshot; a change saved in
// this process applies at once (reload), one saved by another process on the same database
// within `refresh` (the version number is re-read at most that often).
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "protocol/Action.h"

namespace protocol {

using Sha256 = std::array<unsigned char, 32>;

struct SettingsSnapshot {
    ConnectorSettings connector;
    // Set when the connector password was rotated through the admin side: only this password
    // is accepted then (the config file's one no longer is).
    std::optional<Sha256> rotated_password;
    bool orders_from_database = false;
    // When this process saw the connector password change (unix ms; 0 = not since it started).
    std::int64_t password_changed_at_ms = 0;
    std::int64_t version = -1;
};

class LiveSettings {
  public:
    LiveSettings(ConnectorSettings config, store::Settings& stored,
                 std::chrono::milliseconds refresh = std::chrono::seconds(2));
    // Never throws: when the database cannot be read the previous snapshot stays in force.
    std::shared_ptr<const SettingsSnapshot> current();
    // Re-reads the stored settings now. Throws store::StoreError when the database fails.
    void reload();

  private:
    std::shared_ptr<SettingsSnapshot> build(const store::StoredSettings& stored) const;

    const ConnectorSettings config_;
    store::Settings& stored_;
    const std::chrono::milliseconds refresh_;
    std::mutex mutex_;
    std::shared_ptr<const SettingsSnapshot> snapshot_;
    std::chrono::steady_clock::time_point checked_{};
};

// Hex SHA-256 ("" when `hex` is not 64 hex digits).
std::optional<Sha256> sha256_from_hex(const std::string& hex);

}  // namespace protocol
