#include "journal/Writer.h"

#include <algorithm>
#include <exception>

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

Writer::Writer(store::Journal& journal, int retention_days, WriterLimits limits)
    : journal_(journal),
      retention_ms_(std::int64_t(retention_days) * 24 * 3600 * 1000),
      limits_(limits),
      thread_([this] { run(); }) {}

Writer::~Writer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    room_.notify_all();
    thread_.join();
}

void Writer::record(store::JournalEntry entry) {
    {
        std::unique_lock lock(mutex_);
        if (queue_.size() >= limits_.max_queued) {
            // Back-pressure: the database has refused entries for a long time.
            room_.wait_for(lock, limits_.record_wait,
                           [&] { return queue_.size() < limits_.max_queued || stopping_; });
        }
        if (queue_.size() >= limits_.max_queued) {
            if (lost_++ % 1000 == 0)
                spdlog::error("journal: {} entries waiting and the database refuses them; {} lost",
                              queue_.size(), lost_);
            return;
        }
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

std::uint64_t Writer::lost() const {
    std::lock_guard lock(mutex_);
    return lost_;
}

bool Writer::write(std::vector<store::JournalEntry>& batch) {
    try {
        journal_.append(batch);
        return true;
    } catch (const std::exception& e) {
        spdlog::debug("journal: write failed: {}", e.what());
        return false;
    }
}

void Writer::run() {
    auto next_prune = std::chrono::steady_clock::now();
    std::vector<store::JournalEntry> batch;  // taken from the queue, not yet written
    auto retry = limits_.first_retry;
    std::chrono::steady_clock::time_point failing_since{}, stop_deadline{};
    bool failing = false;
    std::unique_lock lock(mutex_);
    for (;;) {
        if (batch.empty()) {
            wake_.wait_until(lock, next_prune, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty() && stopping_) break;
            while (!queue_.empty() && batch.size() < kBatch) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            room_.notify_all();
        }
        const auto now = std::chrono::steady_clock::now();
        const bool prune = now >= next_prune;
        if (prune) next_prune = now + kPruneEvery;
        lock.unlock();
        const bool written = batch.empty() || write(batch);
        try {
            if (prune) journal_.prune_before(now_ms() - retention_ms_);
        } catch (const std::exception& e) {
            spdlog::error("journal: pruning failed: {}", e.what());
        }
        lock.lock();
        if (written) {
            if (failing)
                spdlog::info("journal: writing again after {} s; nothing was lost",
                             std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::steady_clock::now() - failing_since)
                                 .count());
            failing = false;
            retry = limits_.first_retry;
            written_ += batch.size();
            batch.clear();
            drained_.notify_all();
            continue;
        }
        if (!failing) {
            failing = true;
            failing_since = std::chrono::steady_clock::now();
            spdlog::error(
                "journal: the database refuses journal entries; keeping them ({} waiting) and "
                "trying again",
                batch.size() + queue_.size());
        }
        if (stopping_) {
            if (stop_deadline == std::chrono::steady_clock::time_point{})
                stop_deadline = std::chrono::steady_clock::now() + limits_.stop_grace;
            if (std::chrono::steady_clock::now() >= stop_deadline) {
                const auto left = batch.size() + queue_.size();
                spdlog::error(
                    "journal: shutting down while the database refuses writes: {} "
                    "entries lost",
                    left);
                lost_ += left;
                written_ += left;  // accounted for: flush() returns
                batch.clear();
                queue_.clear();
                drained_.notify_all();
                break;
            }
        }
        wake_.wait_for(lock, retry, [] { return false; });
        retry = std::min(retry * 2, limits_.last_retry);
    }
}

}  // namespace journal
