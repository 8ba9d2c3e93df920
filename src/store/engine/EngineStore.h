#pragma once
// store::Store over a database port: the engine's catalogue, lookups, orders, journal, admin
// credentials, settings and held batches, all on one Port (a backend's pool, dialect and write
// runner).
#include <memory>

#include "store/Store.h"
#include "store/engine/Admins.h"
#include "store/engine/Catalog.h"
#include "store/engine/HeldChanges.h"
#include "store/engine/Journal.h"
#include "store/engine/Lookups.h"
#include "store/engine/Orders.h"
#include "store/engine/Port.h"
#include "store/engine/Settings.h"

namespace store::engine {

class EngineStore final : public Store {
  public:
    EngineStore(std::unique_ptr<Port> port, const StoreOptions& options)
        : port_(std::move(port)),
          catalog_(*port_, options),
          lookups_(*port_),
          orders_(*port_),
          journal_(*port_),
          admins_(*port_),
          settings_(*port_),
          held_(*port_, options) {}

    store::Catalog& catalog() override { return catalog_; }
    store::Lookups& lookups() override { return lookups_; }
    store::Orders& orders() override { return orders_; }
    store::Journal& journal() override { return journal_; }
    store::Admins& admins() override { return admins_; }
    store::Settings& settings() override { return settings_; }
    store::HeldChanges& held_changes() override { return held_; }
    int schema_version() override { return port_->schema_version(); }
    int latest_schema_version() const override { return port_->latest_schema_version(); }
    void write_heartbeat(std::int64_t now) override {
        write(*port_, [&](Connection& conn) {
            conn.prepare("UPDATE heartbeat SET at = ?1 WHERE id = 1").bind(1, now).run();
        });
    }

    Port& port() { return *port_; }

  private:
    std::unique_ptr<Port> port_;
    Catalog catalog_;
    Lookups lookups_;
    Orders orders_;
    Journal journal_;
    Admins admins_;
    Settings settings_;
    HeldChanges held_;
};

}  // namespace store::engine
