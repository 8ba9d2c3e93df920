#include "journal/Writer.h"

#include <chrono>
#include <exception>
#include <vector>

#include <spdlog/spdlog.h>

namespace journal {
namespace {

constexpr std::size_t kBatch = 500;
constexpr auto kPruneEvery = std::chrono::hours(1);

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

Writer::Writer(store::Journal& journal, int retention_days)
    : journal_(journal),
      retention_ms_(std::int64_t(retention_days) * 24 * 3600 * 1000),
      thread_([this] { run(); }) {}

Writer::~Writer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Writer::record(store::JournalEntry entry) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(entry));
        ++queued_;
    }
    wake_.notify_one();
}

void Writer::flush() {
    std::unique_lock lock(mutex_);
    const auto target = queued_;
    wake_.notify_one();
    drained_.wait(lock, [&] { return written_ >= target; });
}

void Writer::run() {
    auto next_prune = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_until(lock, next_prune, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) break;
        std::vector<store::JournalEntry> batch;
        while (!queue_.empty() && batch.size() < kBatch) {
            batch.push_back(std::move(queue_.front()));
            queue_.pop_front();
        }
        const bool prune = std::chrono::steady_clock::now() >= next_prune;
        if (prune) next_prune = std::chrono::steady_clock::now() + kPruneEvery;
        lock.unlock();
        // A failing journal must never fail requests: the entries are logged as lost and dropped.
        try {
            if (!batch.empty()) journal_.append(batch);
        } catch (const std::exception& e) {
            spdlog::error("journal: {} entries lost: {}", batch.size(), e.what());
        }
        try {
            if (prune) journal_.prune_before(now_ms() - retention_ms_);
        } catch (const std::exception& e) {
            spdlog::error("journal: pruning failed: {}", e.what());
        }
        lock.lock();
        written_ += batch.size();
        drained_.notify_all();
    }
}

}  // namespace journal
