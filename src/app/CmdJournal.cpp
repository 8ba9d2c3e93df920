// `blconnect journal`: the latest connector requests as a table, oldest first.
#include <algorithm>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "app/Commands.h"
#include "store/Store.h"

namespace app {
namespace {

std::string utc_iso8601(std::int64_t at_ms) {
    std::time_t seconds = static_cast<std::time_t>(at_ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    return fmt::format("{}.{:03d}Z", text, static_cast<int>(at_ms % 1000));
}

void print_row(const store::JournalEntry& e) {
    std::cout << fmt::format("{:<24}  {:<8}  {:<15}  {:<22}  {:<18}  {:>4}  {:>9.1f}  {:>9}  {}\n",
                             utc_iso8601(e.at_ms), e.request_id, e.client, e.action, e.outcome,
                             e.http_status, e.duration_us / 1000.0, e.response_bytes, e.detail);
}

}  // namespace

int cmd_journal(const JournalOptions& options) {
    Config config = config_with_db(options.config, options.db);
    auto store = store::open_store(config.database, config.store);
    store::JournalQuery query;
    query.limit = options.last;
    query.errors_only = options.errors;
    if (!options.action.empty()) query.action = options.action;
    auto entries = store->journal().query(query);
    std::reverse(entries.begin(), entries.end());  // newest last, like a log
    std::cout << fmt::format("{:<24}  {:<8}  {:<15}  {:<22}  {:<18}  {:>4}  {:>9}  {:>9}  {}\n",
                             "time (UTC)", "request", "client", "action", "outcome", "http", "ms",
                             "bytes", "detail");
    for (const auto& entry : entries) print_row(entry);
    if (entries.empty()) std::cout << "(no entries)\n";
    return 0;
}

}  // namespace app
