// `blconnect held list|apply|discard`: staff decide on the stock and price batches from
// BaseLinker that the mass-change guard held (docs/guard.md). Decisions are recorded on the batch
// with actor "cli", as order changes from the command line are.
#include <iostream>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"

namespace app {

using namespace order_cli;

namespace {

order_cli::Session open_held_session(const HeldOptions& options) {
    OrderStoreOptions store_options;
    store_options.db = options.db;
    store_options.config = options.config;
    return open_session(store_options);
}

void print_batch(const store::HeldBatch& b) {
    std::cout << "#" << b.id << "  " << store::held_state_name(b.state) << "  "
              << store::held_kind_name(b.kind) << "  " << utc_time(b.created_at) << "  "
              << b.summary << " (" << b.entry_count << " entries";
    if (b.resends > 0) std::cout << ", sent " << b.resends << " more times";
    std::cout << ")";
    if (b.state != store::HeldState::Held)
        std::cout << "  " << b.decided_by << " " << utc_time(b.decided_at);
    std::cout << "\n";
}

}  // namespace

int cmd_held_list(const HeldOptions& options) {
    auto session = open_held_session(options);
    const auto batches = session.store->held_changes().list(store::held_state_from(options.state),
                                                            options.last);  // "all": nullopt
    if (batches.empty())
        std::cout << "no " << (options.state == "all" ? "" : options.state + " ") << "batches\n";
    for (const auto& b : batches) print_batch(b);
    return 0;
}

int cmd_held_apply(const HeldOptions& options) {
    auto session = open_held_session(options);
    auto result = session.store->held_changes().apply(options.id, kActor, now_utc());
    if (!result) return report(result.status());
    std::cout << "held change " << options.id << " applied: " << result->applied
              << " entries applied\n";
    for (const auto& note : result->notes)
        std::cout << "  entry " << note.entry << ": " << (note.applied ? "applied, " : "skipped, ")
                  << note.reason << "\n";
    return 0;
}

int cmd_held_discard(const HeldOptions& options) {
    auto session = open_held_session(options);
    const auto status = session.store->held_changes().discard(options.id, kActor, now_utc());
    if (!status.ok()) return report(status);
    std::cout << "held change " << options.id << " discarded; nothing was changed\n";
    return 0;
}

}  // namespace app
