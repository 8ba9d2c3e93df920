#pragma once
// The PostgreSQL implementation of store::Store: one connection pool shared by the catalogue,
// the lookup tables, the orders, the journal, the admin credentials and the run-time settings.
// Selected by a location starting with postgresql:// or postgres:// (store/Open.cpp).
#include <memory>
#include <string>

#include "store/Store.h"
#include "store/postgres/Admins.h"
#include "store/postgres/Catalog.h"
#include "store/postgres/Journal.h"
#include "store/postgres/Lookups.h"
#include "store/postgres/Orders.h"
#include "store/postgres/Pool.h"
#include "store/postgres/Settings.h"

namespace store::postgres {

enum class OpenMode { Init, Open };

class PgStore final : public Store {
  public:
    // Init creates the database when it is missing (and the user may) and applies pending
    // migrations; Open refuses a missing database or a schema that is not exactly the current
    // one, with the messages of the SQLite backend.
    PgStore(const std::string& uri, const StoreOptions& options, OpenMode mode);

    Catalog& catalog() override { return catalog_; }
    Lookups& lookups() override { return lookups_; }
    Orders& orders() override { return orders_; }
    Journal& journal() override { return journal_; }
    Admins& admins() override { return admins_; }
    Settings& settings() override { return settings_; }
    int schema_version() override;
    int latest_schema_version() const override;

  private:
    Pool pool_;
    PgCatalog catalog_;
    PgLookups lookups_;
    PgOrders orders_;
    PgJournal journal_;
    PgAdmins admins_;
    PgSettings settings_;
};

}  // namespace store::postgres
