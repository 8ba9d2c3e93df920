#include "app/Commands.h"

#include <unistd.h>

#include <cstdio>

namespace app {

Config config_with_db(const std::string& config_file, const std::string& db) {
    Config config = load_config(config_file);
    if (!db.empty()) config.database = db;
    return config;
}

void print_import_progress(void*, std::int64_t done, std::int64_t total) {
    // A progress bar in a log file or a pipe is only noise.
    static const bool terminal = isatty(STDERR_FILENO) != 0;
    if (!terminal || total <= 0) return;
    std::fprintf(stderr, "\rimporting %lld/%lld (%lld %%)", static_cast<long long>(done),
                 static_cast<long long>(total), static_cast<long long>(done * 100 / total));
    if (done >= total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace app
