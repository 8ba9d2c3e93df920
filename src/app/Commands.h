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

int cmd_init(const InitOptions& options);
int cmd_serve(const ServeOptions& options);
int cmd_import(const ImportOptions& options);
int cmd_journal(const JournalOptions& options);

// The config file (when given) with the environment applied, then `--db` on top.
Config config_with_db(const std::string& config_file, const std::string& db);

// "\rimporting 1200/2000 (60 %)" on stderr when it is a terminal; `user` is unused.
void print_import_progress(void* user, std::int64_t done, std::int64_t total);

}  // namespace app
