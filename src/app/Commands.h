#pragma once
// The `blconnect` subcommands. main.cpp parses the command line (CLI11) into these options; each
// command returns the process exit code and reports its own errors on stderr.
#include <cstdint>
#include <optional>
#include <string>

#include "app/Config.h"

namespace app {

struct InitOptions {
    std::string db;
    bool demo = false;
    std::int64_t demo_products = 2000;
    std::string password;  // optional: shown in the printed serve command when given
};

struct ServeOptions {
    std::string config;  // empty: defaults + environment
    std::string db, listen;
    std::optional<std::uint16_t> port;
    std::optional<std::uint16_t> admin_port;
};

struct ImportOptions {
    std::string file;
    std::string db, config;
};

struct JournalOptions {
    std::string db, config;
    std::int64_t last = 50;
    std::string action;
    bool errors = false;
};

// `blconnect held ...` (docs/guard.md): batches the mass-change guard held.
struct HeldOptions {
    std::string db, config;
    std::string state = "held";  // held, applied, discarded or all (list)
    std::int64_t last = 50;      // list
    std::int64_t id = 0;         // apply, discard
};

// `blconnect order ...` (docs/orders.md). Every order command opens the store like the others.
struct OrderStoreOptions {
    std::string db, config;
};

struct OrderCreateOptions : OrderStoreOptions {
    std::string file;
};

struct OrderListOptions : OrderStoreOptions {
    std::string origin;  // "", "shop" or "baselinker"
    std::string status;  // "" or a status id or name
    int paid = -1;       // -1 any, 0 unpaid, 1 paid
    std::int64_t last = 50;
};

struct OrderIdOptions : OrderStoreOptions {
    std::int64_t order_id = 0;
};

struct OrderStatusOptions : OrderIdOptions {
    std::string status;  // a status id or name
};

struct OrderShipOptions : OrderIdOptions {
    std::string number, carrier, url;
};

struct OrderPaidOptions : OrderIdOptions {
    bool unpaid = false;
};

struct OrderCommentOptions : OrderIdOptions {
    std::string text;
};

// `blconnect order held`: the order inbox (orders on hold), newest first.
struct OrderHeldOptions : OrderStoreOptions {
    std::int64_t last = 50;
};

// `blconnect order bind ID LINE (--product P [--variant V] | --free) [--quantity N] [--price X]`.
struct OrderBindOptions : OrderIdOptions {
    std::int64_t line = 0;  // from 1, as `order show` numbers the lines
    std::optional<std::int64_t> product, variant, quantity;
    bool free = false;
    std::string price;  // "" = unchanged; else "12.34"
};

// `blconnect admin ...` (docs/admin.md). The password is read from stdin, never taken from argv.
struct AdminStoreOptions {
    std::string db, config;
};

struct AdminUserOptions : AdminStoreOptions {
    std::string username;
};

struct AdminTokenOptions : AdminStoreOptions {
    std::string username, name;
};

int cmd_init(const InitOptions& options);
int cmd_serve(const ServeOptions& options);
int cmd_import(const ImportOptions& options);
int cmd_journal(const JournalOptions& options);
int cmd_order_create(const OrderCreateOptions& options);
int cmd_order_list(const OrderListOptions& options);
int cmd_order_show(const OrderIdOptions& options);
int cmd_order_status(const OrderStatusOptions& options);
int cmd_order_ship(const OrderShipOptions& options);
int cmd_order_paid(const OrderPaidOptions& options);
int cmd_order_comment(const OrderCommentOptions& options);
int cmd_order_held(const OrderHeldOptions& options);
int cmd_order_bind(const OrderBindOptions& options);
int cmd_order_release(const OrderIdOptions& options);
int cmd_stock_audit(const OrderStoreOptions& options);
int cmd_held_list(const HeldOptions& options);
int cmd_held_apply(const HeldOptions& options);
int cmd_held_discard(const HeldOptions& options);
int cmd_admin_add_user(const AdminUserOptions& options);
int cmd_admin_add_token(const AdminTokenOptions& options);
int cmd_admin_list(const AdminStoreOptions& options);
int cmd_admin_disable_user(const AdminUserOptions& options);
int cmd_admin_enable_user(const AdminUserOptions& options);
int cmd_admin_revoke_token(const AdminTokenOptions& options);

// The config file (when given) with the environment applied, then `--db` on top.
Config config_with_db(const std::string& config_file, const std::string& db);

}  // namespace app
