#pragma once
// What the `blconnect order ...` commands (CmdOrder*.cpp) share: opening the store, the clock,
// status names and the messages for ids that do not exist.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/Commands.h"
#include "store/Store.h"

namespace app::order_cli {

// Who changed an order, as the status history and the journal show it.
inline constexpr const char* kActor = "cli";

struct Session {
    Config config;
    std::unique_ptr<store::Store> store;
};

// The config (file + environment) with --db on top, and the opened store.
Session open_session(const OrderStoreOptions& options);

// The order policy in force: what staff saved in the database over [orders] of the config, as
// the connector reads it (its default_status is the status a released held order gets).
store::OrderPolicy order_policy_in_force(Session& session);

// "line 2 quantity: \"1.5\" is not a whole number": the message, prefixed with its place and
// field unless it names its place already (lines counted from 1; "order ..." for the whole order).
std::string problem_text(const store::HoldProblem& problem);
// The open problems of a held order, one line each: problem_text + " (must be resolved)" or
// " (accepted by releasing)".
std::vector<std::string> open_problems(const store::OrderHold& hold);
// Whether a blocking problem is still open (release is refused until none is).
bool blocks_release(const store::OrderHold& hold);

std::int64_t now_utc();
// "2026-11-29 10:15:00 UTC"; "-" for 0 (never happened).
std::string utc_time(std::int64_t seconds);
// "12.50 PLN".
std::string amount(core::Money money, const std::string& currency);

// The name of status `id`, or "#<id>" when the shop has no such status (any more).
std::string status_name(const std::vector<store::NamedId>& statuses, store::Id id);
// A status by id ("6") or by name ("anulowane", case-insensitive); nullopt when unknown.
std::optional<store::NamedId> find_status(const std::vector<store::NamedId>& statuses,
                                          std::string_view text);
// Prints "blconnect: unknown status X (known: 1 Nowe, 2 ...)" on stderr; returns 1.
int unknown_status(const std::vector<store::NamedId>& statuses, std::string_view text);
// Prints "blconnect: unknown order N" on stderr; returns 1 (the exit code).
int unknown_order(store::Id id);

// The whole file as bytes; throws std::runtime_error naming the path when it cannot be read.
std::string read_text_file(const std::string& path);

}  // namespace app::order_cli
