// blconnect command line: init, serve, import, journal, order, stock, held, admin, version.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/Commands.h"
#include "app/ExitCode.h"

namespace {

// The single result of whichever subcommand ran.
int exit_code = 0;

void add_init(CLI::App& app) {
    static app::InitOptions o;
    auto* cmd =
        app.add_subcommand("init", "Create or upgrade the database (optionally a demo shop)");
    cmd->add_option("--db", o.db, "Database: SQLite file or postgresql:// URL")->required();
    cmd->add_flag("--demo", o.demo, "Fill the catalogue with generated demo products");
    cmd->add_option("--demo-products", o.demo_products, "Number of demo products")
        ->check(CLI::Range(1, 10000000));
    cmd->add_option("--password", o.password, "Connector password to show in the next step");
    cmd->callback([] { exit_code = app::cmd_init(o); });
}

void add_serve(CLI::App& app) {
    static app::ServeOptions o;
    static int port = -1;
    static int admin_port = -1;
    auto* cmd = app.add_subcommand("serve", "Serve the BaseLinker connector until SIGINT/SIGTERM");
    cmd->add_option("--config", o.config, "Config file (blconnect.toml)")->check(CLI::ExistingFile);
    cmd->add_option("--db", o.db,
                    "Database: SQLite file or postgresql:// URL (overrides the config)");
    cmd->add_option("--port", port, "TCP port (overrides the config; 0 = any free port)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--listen", o.listen, "Listen address (overrides the config)");
    cmd->add_option("--admin-port", admin_port,
                    "Admin panel/API port (overrides [admin] port; 0 = any free port)")
        ->check(CLI::Range(0, 65535));
    cmd->callback([] {
        if (port >= 0) o.port = static_cast<std::uint16_t>(port);
        if (admin_port >= 0) o.admin_port = static_cast<std::uint16_t>(admin_port);
        exit_code = app::cmd_serve(o);
    });
}

void add_import(CLI::App& app) {
    static app::ImportOptions o;
    auto* cmd = app.add_subcommand("import", "Import a catalogue file (see docs/import.md)");
    cmd->add_option("file", o.file, "JSON import file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--db", o.db, "Database: SQLite file or postgresql:// URL");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
    cmd->callback([] { exit_code = app::cmd_import(o); });
}

void add_journal(CLI::App& app) {
    static app::JournalOptions o;
    auto* cmd = app.add_subcommand("journal", "Show the latest connector requests");
    cmd->add_option("--db", o.db, "Database: SQLite file or postgresql:// URL");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
    cmd->add_option("--last", o.last, "Number of entries")->check(CLI::Range(1, 1000000));
    cmd->add_option("--action", o.action, "Only this action (e.g. ProductsList)");
    cmd->add_flag("--errors", o.errors, "Only failed requests");
    cmd->callback([] { exit_code = app::cmd_journal(o); });
}

// --db / --config, as every command that opens the shop's database takes them.
void add_store_options(CLI::App* cmd, app::OrderStoreOptions& o) {
    cmd->add_option("--db", o.db, "Database: SQLite file or postgresql:// URL");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
}

void add_order_id(CLI::App* cmd, app::OrderIdOptions& o) {
    cmd->add_option("id", o.order_id, "Order id")->required()->check(CLI::PositiveNumber);
    add_store_options(cmd, o);
}

void add_order_create(CLI::App& order) {
    static app::OrderCreateOptions o;
    auto* cmd = order.add_subcommand("create",
                                     "Add a storefront order from a JSON file "
                                     "(see docs/orders.md); takes stock");
    cmd->add_option("file", o.file, "JSON order file")->required()->check(CLI::ExistingFile);
    add_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_order_create(o); });
}

void add_order_list(CLI::App& order) {
    static app::OrderListOptions o;
    auto* cmd = order.add_subcommand("list", "The newest orders, newest first");
    cmd->add_option("--origin", o.origin, "Only orders placed in the shop or from BaseLinker")
        ->check(CLI::IsMember({"shop", "baselinker"}));
    cmd->add_option("--status", o.status, "Only orders in this status (id or name)");
    cmd->add_option("--paid", o.paid, "1: only paid orders, 0: only unpaid ones")
        ->check(CLI::Range(0, 1));
    cmd->add_option("--last", o.last, "Number of orders")->check(CLI::Range(1, 1000000));
    add_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_order_list(o); });
}

void add_order_show(CLI::App& order) {
    static app::OrderIdOptions o;
    auto* cmd = order.add_subcommand("show",
                                     "One order: addresses, lines, stock, shipments, "
                                     "status history, total");
    add_order_id(cmd, o);
    cmd->callback([] { exit_code = app::cmd_order_show(o); });
}

void add_order_status(CLI::App& order) {
    static app::OrderStatusOptions o;
    auto* cmd = order.add_subcommand("status",
                                     "Set an order's status (entering a cancelled "
                                     "status returns its stock, leaving it takes it again)");
    add_order_id(cmd, o);
    cmd->add_option("status", o.status, "Status id or name")->required();
    cmd->callback([] { exit_code = app::cmd_order_status(o); });
}

void add_order_ship(CLI::App& order) {
    static app::OrderShipOptions o;
    auto* cmd = order.add_subcommand("ship", "Add a shipment (tracking number) to an order");
    add_order_id(cmd, o);
    cmd->add_option("--number", o.number, "Tracking number")->required();
    cmd->add_option("--carrier", o.carrier, "Carrier name (e.g. InPost)");
    cmd->add_option("--url", o.url, "Tracking URL");
    cmd->callback([] { exit_code = app::cmd_order_ship(o); });
}

void add_order_paid(CLI::App& order) {
    static app::OrderPaidOptions o;
    auto* cmd = order.add_subcommand("paid", "Mark an order paid (or --unpaid)");
    add_order_id(cmd, o);
    cmd->add_flag("--unpaid", o.unpaid, "Take the paid mark back");
    cmd->callback([] { exit_code = app::cmd_order_paid(o); });
}

void add_order_comment(CLI::App& order) {
    static app::OrderCommentOptions o;
    auto* cmd = order.add_subcommand("comment", "Add a staff comment to an order");
    add_order_id(cmd, o);
    cmd->add_option("text", o.text, "Comment text")->required();
    cmd->callback([] { exit_code = app::cmd_order_comment(o); });
}

void add_order_held(CLI::App& order) {
    static app::OrderHeldOptions o;
    auto* cmd = order.add_subcommand("held",
                                     "Orders on hold (the order inbox) with their open "
                                     "problems, newest first");
    cmd->add_option("--last", o.last, "Number of orders")->check(CLI::Range(1, 1000000));
    add_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_order_held(o); });
}

void add_order_bind(CLI::App& order) {
    static app::OrderBindOptions o;
    auto* cmd = order.add_subcommand("bind",
                                     "Correct one line of an order on hold: bind it to a "
                                     "product (or --free), fix its quantity or price");
    add_order_id(cmd, o);
    cmd->add_option("line", o.line, "Line number, from 1 as `order show` counts")
        ->required()
        ->check(CLI::PositiveNumber);
    auto* product = cmd->add_option("--product", o.product, "Catalogue product id");
    cmd->add_option("--variant", o.variant, "Variant id of that product")->needs(product);
    cmd->add_flag("--free", o.free, "Keep it as a free line (no product, no stock)")
        ->excludes(product);
    cmd->add_option("--quantity", o.quantity, "Units ordered (a whole number, at least 1)");
    cmd->add_option("--price", o.price, "Unit price, gross, e.g. 12.34");
    cmd->callback([] { exit_code = app::cmd_order_bind(o); });
}

void add_order_release(CLI::App& order) {
    static app::OrderIdOptions o;
    auto* cmd = order.add_subcommand("release",
                                     "Release an order on hold: it gets the default status "
                                     "and takes its stock");
    add_order_id(cmd, o);
    cmd->callback([] { exit_code = app::cmd_order_release(o); });
}

void add_order(CLI::App& app) {
    auto* order = app.add_subcommand("order",
                                     "Shop orders: create, list, show, status, ship, "
                                     "paid, comment, held, bind, release (docs/orders.md)");
    order->require_subcommand(1);
    add_order_create(*order);
    add_order_list(*order);
    add_order_show(*order);
    add_order_status(*order);
    add_order_ship(*order);
    add_order_paid(*order);
    add_order_comment(*order);
    add_order_held(*order);
    add_order_bind(*order);
    add_order_release(*order);
}

void add_stock(CLI::App& app) {
    static app::OrderStoreOptions o;
    auto* stock = app.add_subcommand("stock", "Stock held by orders (docs/orders.md)");
    stock->require_subcommand(1);
    auto* audit = stock->add_subcommand("audit",
                                        "Check every order's stock ledger against its lines; "
                                        "exit 1 on a difference");
    add_store_options(audit, o);
    audit->callback([] { exit_code = app::cmd_stock_audit(o); });
}

void add_held_store_options(CLI::App* cmd, app::HeldOptions& o) {
    cmd->add_option("--db", o.db, "Database: SQLite file or postgresql:// URL");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
}

void add_held_decision(CLI::App& held, const std::string& name, const std::string& help,
                       app::HeldOptions& o, int (*command)(const app::HeldOptions&)) {
    auto* cmd = held.add_subcommand(name, help);
    cmd->add_option("id", o.id, "Held change id")->required()->check(CLI::PositiveNumber);
    add_held_store_options(cmd, o);
    cmd->callback([&o, command] { exit_code = command(o); });
}

void add_held(CLI::App& app) {
    static app::HeldOptions list, apply, discard;
    auto* held = app.add_subcommand("held",
                                    "Stock and price batches from BaseLinker held by the "
                                    "mass-change guard: list, apply, discard (docs/guard.md)");
    held->require_subcommand(1);
    auto* cmd = held->add_subcommand("list", "Held batches with their figures, newest first");
    cmd->add_option("--state", list.state, "held (default), applied, discarded or all")
        ->check(CLI::IsMember({"held", "applied", "discarded", "all"}));
    cmd->add_option("--last", list.last, "Number of batches")->check(CLI::Range(1, 1000000));
    add_held_store_options(cmd, list);
    cmd->callback([] { exit_code = app::cmd_held_list(list); });
    add_held_decision(*held, "apply", "Apply a held batch as BaseLinker sent it", apply,
                      app::cmd_held_apply);
    add_held_decision(*held, "discard", "Discard a held batch (nothing changes)", discard,
                      app::cmd_held_discard);
}

// --db / --config for the admin commands.
void add_admin_store_options(CLI::App* cmd, app::AdminStoreOptions& o) {
    cmd->add_option("--db", o.db, "Database: SQLite file or postgresql:// URL");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
}

void add_admin_add_user(CLI::App& admin) {
    static app::AdminUserOptions o;
    auto* cmd = admin.add_subcommand("add-user",
                                     "Create an admin user; the password (at least 12 "
                                     "characters) is read from stdin");
    cmd->add_option("username", o.username, "Login name")->required();
    add_admin_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_admin_add_user(o); });
}

void add_admin_add_token(CLI::App& admin) {
    static app::AdminTokenOptions o;
    auto* cmd = admin.add_subcommand("add-token",
                                     "Create an API token for an admin user and print it "
                                     "(once: only its hash is stored)");
    cmd->add_option("username", o.username, "Owner of the token")->required();
    cmd->add_option("--name", o.name, "What the token is for (e.g. ci, backup-script)")->required();
    add_admin_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_admin_add_token(o); });
}

void add_admin_list(CLI::App& admin) {
    static app::AdminStoreOptions o;
    auto* cmd = admin.add_subcommand("list", "Show admin users and API tokens (never a hash)");
    add_admin_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_admin_list(o); });
}

void add_admin_user_switch(CLI::App& admin, const std::string& name, const std::string& help,
                           app::AdminUserOptions& o, int (*command)(const app::AdminUserOptions&)) {
    auto* cmd = admin.add_subcommand(name, help);
    cmd->add_option("username", o.username, "Login name")->required();
    add_admin_store_options(cmd, o);
    cmd->callback([&o, command] { exit_code = command(o); });
}

void add_admin_disable_enable(CLI::App& admin) {
    static app::AdminUserOptions disable, enable;
    add_admin_user_switch(admin, "disable-user",
                          "Disable an admin user: sign-in, panel sessions and API tokens "
                          "stop working",
                          disable, app::cmd_admin_disable_user);
    add_admin_user_switch(admin, "enable-user", "Enable a disabled admin user again", enable,
                          app::cmd_admin_enable_user);
}

void add_admin_revoke_token(CLI::App& admin) {
    static app::AdminTokenOptions o;
    auto* cmd = admin.add_subcommand("revoke-token",
                                     "Revoke an admin user's API tokens of that name "
                                     "(for good)");
    cmd->add_option("username", o.username, "Owner of the token")->required();
    cmd->add_option("--name", o.name, "Name the token was created with")->required();
    add_admin_store_options(cmd, o);
    cmd->callback([] { exit_code = app::cmd_admin_revoke_token(o); });
}

void add_admin(CLI::App& app) {
    auto* admin = app.add_subcommand("admin", "Admin users and API tokens (docs/admin.md)");
    admin->require_subcommand(1);
    add_admin_add_user(*admin);
    add_admin_add_token(*admin);
    add_admin_list(*admin);
    add_admin_disable_enable(*admin);
    add_admin_revoke_token(*admin);
}

}  // namespace

int main(int argc, char** argv) {
    // Logs go to stderr: stdout carries the command's own output ("listening on ...", tables).
    spdlog::set_default_logger(spdlog::stderr_color_mt("blconnect"));
    CLI::App app{"blconnect: the shop side of the BaseLinker integration"};
    app.require_subcommand(1);
    add_init(app);
    add_serve(app);
    add_import(app);
    add_journal(app);
    add_order(app);
    add_stock(app);
    add_held(app);
    add_admin(app);
    app.add_subcommand("version", "Print the version")->callback([] {
        std::cout << "blconnect " << BLCONNECT_VERSION << "\n";
    });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        // A lost database, an unreadable file, a bad config: the operator runs this command and
        // reads the detail.
        return app::report(core::Status::internal(e.what()));
    }
    return exit_code;
}
