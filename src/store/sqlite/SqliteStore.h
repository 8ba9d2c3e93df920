#pragma once
// The SQLite implementation of store::Store: a connection pool shared by the catalogue, the
// lookup tables, the orders, the journal, the admin credentials and the run-time settings.
#include <memory>
#include <string>

#include "store/Store.h"
#include "store/sqlite/Admins.h"
#include "store/sqlite/Catalog.h"
#include "store/sqlite/Journal.h"
#include "store/sqlite/Lookups.h"
#include "store/sqlite/Orders.h"
#include "store/sqlite/Pool.h"
#include "store/sqlite/Settings.h"

namespace store::sqlite {

enum class OpenMode { Init, Open };

class SqliteStore final : public Store {
  public:
    // Init creates the file and applies pending migrations; Open refuses a missing file or a
    // schema that is not exactly the current one.
    SqliteStore(const std::string& path, const StoreOptions& options, OpenMode mode);

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
    SqliteCatalog catalog_;
    SqliteLookups lookups_;
    SqliteOrders orders_;
    SqliteJournal journal_;
    SqliteAdmins admins_;
    SqliteSettings settings_;
};

}  // namespace store::sqlite
