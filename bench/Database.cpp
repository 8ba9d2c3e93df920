#include "Database.h"

#include <chrono>
#include <filesystem>
#include <iostream>

#include "Process.h"
#include "store/Store.h"

namespace bench {
namespace {

namespace fs = std::filesystem;

// Only files the benchmark names itself are deleted without asking: --db may point anywhere.
bool is_bench_file(const std::string& path) {
    return fs::path(path).filename().string().starts_with("blc-bench-");
}

std::chrono::milliseconds init_limit(std::int64_t products) {
    // Generous: a minute plus 10 ms per product (about 3 h for 1M); it only stops a hang.
    return std::chrono::milliseconds(60'000 + products * 10);
}

double run_init(const std::string& binary, const std::string& path, std::int64_t products) {
    std::cerr << "bench: creating " << path << " with " << products << " demo products...\n";
    auto start = std::chrono::steady_clock::now();
    pid_t pid =
        spawn({binary, "init", "--db", path, "--demo", "--demo-products", std::to_string(products)},
              {}, "");
    auto status = wait_for(pid, init_limit(products));
    if (!status.exited || status.code != 0) {
        throw BenchError("blconnect init failed (exit " + std::to_string(status.code) +
                         ", signal " + std::to_string(status.signal) + ")");
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::int64_t existing_product_count(const std::string& path) {
    try {
        auto store = store::open_store(path, store::StoreOptions{});
        return store->catalog().product_count();
    } catch (const std::exception& e) {
        std::cerr << "bench: cannot use " << path << ": " << e.what() << "\n";
        return -1;
    }
}

DatabaseSetup ensure_database(const std::string& binary, const std::string& path,
                              std::int64_t products) {
    if (fs::exists(path)) {
        auto count = existing_product_count(path);
        if (count == products) {
            std::cerr << "bench: reusing " << path << " (" << count << " products)\n";
            return {true, 0};
        }
        if (!is_bench_file(path)) {
            throw BenchError(path + " holds " + std::to_string(count) + " products, not " +
                             std::to_string(products) +
                             "; remove it or choose another --db (only blc-bench-* files are "
                             "replaced automatically)");
        }
        remove_database(path);
    }
    return {false, run_init(binary, path, products)};
}

std::int64_t database_bytes(const std::string& path) {
    std::int64_t total = 0;
    for (const auto* suffix : {"", "-wal"}) {
        std::error_code ec;
        auto size = fs::file_size(path + suffix, ec);
        if (!ec) total += static_cast<std::int64_t>(size);
    }
    return total;
}

void remove_database(const std::string& path) {
    for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        fs::remove(path + suffix, ec);
    }
}

}  // namespace bench
