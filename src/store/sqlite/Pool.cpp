#include "store/sqlite/Pool.h"

#include <algorithm>

namespace store::sqlite {

Pool::Pool(std::string path, int size, int busy_timeout_ms)
    : path_(std::move(path)), size_(std::max(1, size)), busy_timeout_ms_(busy_timeout_ms) {}

Pool::Lease Pool::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
    if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(conn));
    }
    ++opened_;  // connections open lazily; opening happens outside the lock
    lock.unlock();
    try {
        return Lease(*this,
                     std::make_unique<Connection>(path_, SQLITE_OPEN_READWRITE, busy_timeout_ms_));
    } catch (...) {
        std::lock_guard relock(mutex_);
        --opened_;
        available_.notify_one();
        throw;
    }
}

void Pool::release(std::unique_ptr<Connection> conn) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(conn));
    }
    available_.notify_one();
}

}  // namespace store::sqlite
