#include "store/sqlite/GroupCommit.h"

#include <vector>

#include "store/sqlite/SqlitePort.h"

namespace store::sqlite {

void GroupCommit::run(const Work& work) {
    Request request;
    request.work = &work;
    std::unique_lock lock(mutex_);
    queue_.push_back(&request);
    // A follower whose batch is done leaves; otherwise it leads the next batch when the
    // current leader is finished (its own request may be in a later batch than the first).
    while (!request.done) {
        if (!leading_)
            lead(lock);
        else
            finished_.wait(lock);
    }
    lock.unlock();
    if (request.error) std::rethrow_exception(request.error);
}

std::size_t GroupCommit::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::uint64_t GroupCommit::commits() const {
    std::lock_guard lock(mutex_);
    return commits_;
}

void GroupCommit::lead(std::unique_lock<std::mutex>& lock) {
    leading_ = true;
    std::vector<Request*> batch;
    while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
    }
    lock.unlock();
    try {
        execute(batch);
    } catch (...) {
        // No connection (or no write lock): nothing of the batch was written.
        for (Request* r : batch)
            if (!r->error) r->error = std::current_exception();
    }
    lock.lock();
    for (Request* r : batch) r->done = true;
    leading_ = false;
    finished_.notify_all();
}

void GroupCommit::execute(std::span<Request* const> batch) {
    std::lock_guard writer(write_mutex_);
    auto conn = pool_.acquire();
    // Alone, a write needs no savepoint: its own transaction is the same thing, cheaper.
    if (batch.size() == 1) return execute_alone(*conn, *batch.front());
    if (execute_together(*conn, batch)) return;
    // The shared transaction itself failed (BEGIN, COMMIT, or an error after which SQLite
    // rolled the whole transaction back): nothing of it is durable, so each write runs again in
    // its own transaction and gets its own outcome.
    for (Request* r : batch) {
        r->error = nullptr;
        execute_alone(*conn, *r);
    }
}

bool GroupCommit::execute_together(Connection& conn, std::span<Request* const> batch) {
    try {
        Session session(conn, port_.faults());
        engine::Transaction tx(session, engine::TxKind::Write);
        for (Request* r : batch) {
            conn.exec("SAVEPOINT grouped_write");
            try {
                if (!(*r->work)(session)) conn.exec("ROLLBACK TO grouped_write");
            } catch (...) {
                r->error = std::current_exception();
                // Throws when SQLite already dropped the transaction: the batch falls back.
                conn.exec("ROLLBACK TO grouped_write");
            }
            conn.exec("RELEASE grouped_write");
        }
        tx.commit();
    } catch (...) {
        return false;
    }
    std::lock_guard lock(mutex_);
    ++commits_;
    return true;
}

void GroupCommit::execute_alone(Connection& conn, Request& request) {
    bool kept = false;
    try {
        Session session(conn, port_.faults());
        engine::Transaction tx(session, engine::TxKind::Write);
        kept = (*request.work)(session);
        if (kept) tx.commit();
    } catch (...) {
        request.error = std::current_exception();
        return;
    }
    std::lock_guard lock(mutex_);
    commits_ += kept ? 1 : 0;
}

}  // namespace store::sqlite
