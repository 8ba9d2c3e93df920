#pragma once
// Group commit: concurrent writes share one BEGIN IMMEDIATE transaction and one COMMIT (one
// fsync), each under its own SAVEPOINT so that it succeeds, is undone or fails on its own.
//
// There is no writer thread: a caller that finds nobody committing becomes the leader, takes
// every write waiting at that moment (itself included, up to kMaxBatch), runs them in arrival
// order, commits, and only then wakes their callers. A lone caller leads at once and waits for
// nobody. While a leader commits, newcomers queue; the next leader takes them all in one go.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <type_traits>

#include "store/engine/Port.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

class GroupCommit {
  public:
    static constexpr std::size_t kMaxBatch = 64;

    // One write: runs inside the shared transaction; returns true to keep what it wrote, false
    // to undo it (its savepoint only). Throwing undoes it too and reaches only its own caller.
    using Work = std::function<bool(engine::Connection&)>;

    // `write_mutex` serialises the batches with this process's other writers on the same file.
    // `port` is the SQLite port that runs it (for its failure injection).
    GroupCommit(Pool& pool, std::mutex& write_mutex, const engine::Port& port)
        : pool_(pool), write_mutex_(write_mutex), port_(port) {}

    // Returns once the COMMIT holding the write has returned (or rethrows the write's error).
    void run(const Work& work);

    // For tests: writes queued behind the current leader, and transactions committed so far.
    std::size_t queued() const;
    std::uint64_t commits() const;

  private:
    struct Request {
        const Work* work = nullptr;
        std::exception_ptr error;
        bool done = false;
    };

    void lead(std::unique_lock<std::mutex>& lock);
    void execute(std::span<Request* const> batch);
    bool execute_together(Connection& conn, std::span<Request* const> batch);
    void execute_alone(Connection& conn, Request& request);

    Pool& pool_;
    std::mutex& write_mutex_;
    const engine::Port& port_;
    mutable std::mutex mutex_;
    std::condition_variable finished_;
    std::deque<Request*> queue_;
    bool leading_ = false;
    std::uint64_t commits_ = 0;
};

}  // namespace store::sqlite
