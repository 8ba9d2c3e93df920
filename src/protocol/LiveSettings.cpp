#include "protocol/LiveSettings.h"

#include <spdlog/spdlog.h>

namespace protocol {

std::optional<Sha256> sha256_from_hex(const std::string& hex) {
    if (hex.size() != 64) return std::nullopt;
    Sha256 out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned value = 0;
        for (char c : hex.substr(i * 2, 2)) {
            value <<= 4;
            if (c >= '0' && c <= '9') {
                value |= unsigned(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= unsigned(c - 'a' + 10);
            } else {
                return std::nullopt;
            }
        }
        out[i] = static_cast<unsigned char>(value);
    }
    return out;
}

LiveSettings::LiveSettings(ConnectorSettings config, store::Settings& stored,
                           std::chrono::milliseconds refresh)
    : config_(std::move(config)), stored_(stored), refresh_(refresh) {
    reload();
}

std::shared_ptr<SettingsSnapshot> LiveSettings::build(const store::StoredSettings& stored) const {
    auto snapshot = std::make_shared<SettingsSnapshot>();
    snapshot->connector = config_;
    if (stored.orders) {
        static_cast<store::OrderPolicy&>(snapshot->connector.orders) = *stored.orders;
        snapshot->orders_from_database = true;
    }
    if (stored.connector_password_sha256) {
        snapshot->rotated_password = sha256_from_hex(*stored.connector_password_sha256);
        if (!snapshot->rotated_password) {
            // Fail closed: a damaged hash must not fall back to the old (config) password.
            spdlog::error("stored connector password hash is damaged; no password is accepted");
            snapshot->rotated_password = Sha256{};
        }
    }
    snapshot->version = stored.version;
    return snapshot;
}

void LiveSettings::reload() {
    auto fresh = build(stored_.load());
    std::lock_guard lock(mutex_);
    if (snapshot_) {
        fresh->password_changed_at_ms = snapshot_->password_changed_at_ms;
        if (fresh->rotated_password != snapshot_->rotated_password) {
            using namespace std::chrono;
            fresh->password_changed_at_ms =
                duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
        }
    }
    snapshot_ = std::move(fresh);
    checked_ = std::chrono::steady_clock::now();
}

std::shared_ptr<const SettingsSnapshot> LiveSettings::current() {
    const auto now = std::chrono::steady_clock::now();
    std::int64_t known = 0;
    {
        std::lock_guard lock(mutex_);
        if (now - checked_ < refresh_) return snapshot_;
        checked_ = now;  // one request re-reads; the others keep using the snapshot meanwhile
        known = snapshot_->version;
    }
    try {
        if (stored_.version() != known) reload();
    } catch (const std::exception& e) {
        spdlog::warn("connector settings: cannot re-read stored settings: {}", e.what());
    }
    std::lock_guard lock(mutex_);
    return snapshot_;
}

}  // namespace protocol
