#include "store/postgres/Pool.h"

#include <algorithm>

namespace store::postgres {

Pool::Pool(std::string uri, int size) : uri_(std::move(uri)), size_(std::max(1, size)) {}

Pool::Lease Pool::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
    std::unique_ptr<Connection> conn;
    if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
    } else {
        ++opened_;  // connections open lazily; opening happens outside the lock
    }
    lock.unlock();
    // A connection idle across a server restart is dead: replace it in its slot.
    if (conn && conn->healthy()) return Lease(*this, std::move(conn));
    conn.reset();
    return Lease(*this, connect());
}

std::unique_ptr<Connection> Pool::connect() {
    try {
        return std::make_unique<Connection>(uri_);
    } catch (const StoreError& e) {
        {
            std::lock_guard relock(mutex_);
            --opened_;
        }
        available_.notify_one();
        throw StoreError(std::string("database unreachable: ") + e.what());
    } catch (...) {
        {
            std::lock_guard relock(mutex_);
            --opened_;
        }
        available_.notify_one();
        throw;
    }
}

void Pool::release(std::unique_ptr<Connection> conn) {
    // Returned in the middle of a transaction (a ROLLBACK that failed) or broken: drop it, its
    // slot opens a fresh one on demand.
    bool keep = conn->idle();  // false for a broken connection too
    if (!keep) conn.reset();
    {
        std::lock_guard lock(mutex_);
        if (keep)
            idle_.push_back(std::move(conn));
        else
            --opened_;
    }
    available_.notify_one();
}

}  // namespace store::postgres
