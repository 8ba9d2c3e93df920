#pragma once
// What a long import shows while it runs (docs/import.md): on a terminal one line updated in
// place (products done, products/s, ETA); in a log or a pipe a line every 10 s and one at the
// end. Also knows whether any chunk was written, for the message of an import cut short.
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace app {

class ImportProgress {
  public:
    // Writes to `out`; `terminal`: update one line in place.
    ImportProgress(std::FILE* out, bool terminal);
    // For the store's progress callback (store::ImportProgress), `user` an ImportProgress.
    static void report(void* user, std::int64_t done, std::int64_t total);
    // The products written so far; `written`: false until the first transaction committed.
    std::int64_t done() const { return done_; }
    std::int64_t total() const { return total_; }
    bool written() const { return written_; }

  private:
    void update(std::int64_t done, std::int64_t total);
    void print(bool final);
    double rate() const;

    using Clock = std::chrono::steady_clock;
    std::FILE* out_;
    bool terminal_;
    Clock::time_point start_ = Clock::now(), last_print_ = start_;
    std::int64_t done_ = 0, total_ = 0;
    bool written_ = false;
};

}  // namespace app
