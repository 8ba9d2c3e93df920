#pragma once
// Request journal writer: entries are queued by request threads and written in batches by one
// background thread, so the journal never adds a database commit to a request's latency.
// Prunes entries older than the retention once an hour.
//
// An entry is never dropped because the database refused it: a batch that fails is kept and
// written again (waits from 100 ms doubling to 5 s, one log line when it starts failing and one
// when it recovers), on both backends. Memory stays bounded: at most `max_queued` entries wait;
// beyond that a request waits up to `record_wait` for room (back-pressure), and only when the
// database has refused everything for that long is an entry counted as lost (lost(), logged).
// At shutdown, failing writes are tried for `stop_grace` more, then what is left is logged as lost.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "store/Store.h"

namespace journal {

struct WriterLimits {
    std::size_t max_queued = 50000;
    std::chrono::milliseconds record_wait{2000};
    std::chrono::milliseconds stop_grace{5000};
    std::chrono::milliseconds first_retry{100};
    std::chrono::milliseconds last_retry{5000};
};

class Writer {
  public:
    Writer(store::Journal& journal, int retention_days, WriterLimits limits = {});
    ~Writer();  // writes what is queued (stop_grace at most while the database fails)
    void record(store::JournalEntry entry);
    // Blocks until everything recorded so far is written (or counted lost): tests, shutdown.
    void flush();
    // Entries given up (queue full for record_wait, or still failing at shutdown).
    std::uint64_t lost() const;

  private:
    void run();
    bool write(std::vector<store::JournalEntry>& batch);
    store::Journal& journal_;
    std::int64_t retention_ms_;
    WriterLimits limits_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, drained_, room_;
    std::deque<store::JournalEntry> queue_;
    std::uint64_t queued_ = 0, written_ = 0, lost_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace journal
