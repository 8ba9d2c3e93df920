#pragma once
// Request journal writer: entries are queued by request threads and written in batches by one
// background thread, so the journal never adds a database commit to a request's latency.
// Prunes entries older than the retention once an hour.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>

#include "store/Store.h"

namespace journal {

class Writer {
  public:
    Writer(store::Journal& journal, int retention_days);
    ~Writer();  // flushes what is queued
    void record(store::JournalEntry entry);
    // Blocks until everything recorded so far is written (tests, shutdown).
    void flush();

  private:
    void run();
    store::Journal& journal_;
    std::int64_t retention_ms_;
    std::mutex mutex_;
    std::condition_variable wake_, drained_;
    std::deque<store::JournalEntry> queue_;
    std::uint64_t queued_ = 0, written_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace journal
