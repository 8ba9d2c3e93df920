// blsim: plays BaseLinker against any protocol-4 connector URL (check / sync / load).
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "blsim/Check.h"
#include "blsim/Load.h"
#include "blsim/Sync.h"

namespace {

// The password may come from the environment so that it stays out of shell history and `ps`.
void add_target(CLI::App* cmd, blsim::Target& target) {
    cmd->add_option("url", target.url, "connector URL, e.g. http://127.0.0.1:8080/baselinker")
        ->required();
    cmd->add_option("--password,-p", target.password, "bl_pass (or env BLSIM_PASSWORD)")
        ->envname("BLSIM_PASSWORD")
        ->required();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"blsim: BaseLinker simulator and conformance checker for protocol standard 4"};
    app.require_subcommand(1);

    blsim::CheckOptions check;
    auto* check_cmd = app.add_subcommand("check", "conformance checks derived from the protocol");
    add_target(check_cmd, check.target);
    check_cmd->add_flag("--write", check.write,
                        "also run write checks (changes stock, prices, adds orders)");
    check_cmd->add_option("--json", check.json_file, "write all results as JSON to this file");

    blsim::SyncOptions sync;
    auto* sync_cmd = app.add_subcommand("sync", "one BaseLinker synchronisation cycle");
    add_target(sync_cmd, sync.target);
    sync_cmd->add_option("--state", sync.state_dir, "state directory (resumable)")->required();
    sync_cmd->add_option("--orders", sync.orders, "simulated marketplace orders to add")
        ->check(CLI::Range(0, 100000));
    sync_cmd->add_flag("!--no-progress", sync.progress, "no progress bar");

    blsim::LoadOptions load;
    auto* load_cmd = app.add_subcommand("load", "bounded load test");
    add_target(load_cmd, load.target);
    load_cmd->add_option("--duration", load.duration_s, "seconds")->check(CLI::Range(1, 3600));
    load_cmd->add_option("--concurrency", load.concurrency, "parallel clients")
        ->check(CLI::Range(1, 256));
    load_cmd->add_option("--mix", load.mix, "action mix, e.g. list:60,data:20,stock:15,orders:5");

    CLI11_PARSE(app, argc, argv);
    try {
        if (*check_cmd) return blsim::run_check(check);
        if (*sync_cmd) return blsim::run_sync(sync);
        if (*load_cmd) return blsim::run_load(load);
    } catch (const std::exception& e) {
        std::cerr << "blsim: " << e.what() << "\n";
        return 2;
    }
    return 2;
}
