// blconnect command line: init, serve, import, journal, version.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/Commands.h"

namespace {

// The single result of whichever subcommand ran.
int exit_code = 0;

void add_init(CLI::App& app) {
    static app::InitOptions o;
    auto* cmd =
        app.add_subcommand("init", "Create or upgrade the database (optionally a demo shop)");
    cmd->add_option("--db", o.db, "SQLite database file")->required();
    cmd->add_flag("--demo", o.demo, "Fill the catalogue with generated demo products");
    cmd->add_option("--demo-products", o.demo_products, "Number of demo products")
        ->check(CLI::Range(1, 10000000));
    cmd->add_option("--password", o.password, "Connector password to show in the next step");
    cmd->callback([] { exit_code = app::cmd_init(o); });
}

void add_serve(CLI::App& app) {
    static app::ServeOptions o;
    static int port = -1;
    auto* cmd = app.add_subcommand("serve", "Serve the BaseLinker connector until SIGINT/SIGTERM");
    cmd->add_option("--config", o.config, "Config file (blconnect.toml)")->check(CLI::ExistingFile);
    cmd->add_option("--db", o.db, "SQLite database file (overrides the config)");
    cmd->add_option("--port", port, "TCP port (overrides the config; 0 = any free port)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--listen", o.listen, "Listen address (overrides the config)");
    cmd->callback([] {
        if (port >= 0) o.port = static_cast<std::uint16_t>(port);
        exit_code = app::cmd_serve(o);
    });
}

void add_import(CLI::App& app) {
    static app::ImportOptions o;
    auto* cmd = app.add_subcommand("import", "Import a catalogue file (see docs/import.md)");
    cmd->add_option("file", o.file, "JSON import file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--db", o.db, "SQLite database file");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
    cmd->callback([] { exit_code = app::cmd_import(o); });
}

void add_journal(CLI::App& app) {
    static app::JournalOptions o;
    auto* cmd = app.add_subcommand("journal", "Show the latest connector requests");
    cmd->add_option("--db", o.db, "SQLite database file");
    cmd->add_option("--config", o.config, "Config file")->check(CLI::ExistingFile);
    cmd->add_option("--last", o.last, "Number of entries")->check(CLI::Range(1, 1000000));
    cmd->add_option("--action", o.action, "Only this action (e.g. ProductsList)");
    cmd->add_flag("--errors", o.errors, "Only failed requests");
    cmd->callback([] { exit_code = app::cmd_journal(o); });
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
    app.add_subcommand("version", "Print the version")->callback([] {
        std::cout << "blconnect " << BLCONNECT_VERSION << "\n";
    });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        std::cerr << "blconnect: " << e.what() << "\n";
        return 1;
    }
    return exit_code;
}
