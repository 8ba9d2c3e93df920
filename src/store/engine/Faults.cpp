#include "store/engine/Faults.h"

#include "store/engine/Port.h"

namespace store::engine {

void Faults::fail_statement(std::string needle, Kind kind, int times) {
    fail_statement_after(0, std::move(needle), kind, times);
}

void Faults::fail_statement_after(int pass, std::string needle, Kind kind, int times) {
    std::lock_guard lock(mutex_);
    statements_.push_back(Planned{std::move(needle), kind, times, pass});
}

void Faults::fail_commit(int times) {
    std::lock_guard lock(mutex_);
    commits_ += times;
}

int Faults::fired() const {
    std::lock_guard lock(mutex_);
    return fired_;
}

void Faults::before_statement(std::string_view sql, Connection& conn) {
    Kind kind;
    {
        std::lock_guard lock(mutex_);
        auto it = statements_.begin();
        while (it != statements_.end() && sql.find(it->needle) == std::string_view::npos) ++it;
        if (it == statements_.end()) return;
        if (it->pass > 0) {
            --it->pass;
            return;
        }
        kind = it->kind;
        if (--it->times == 0) statements_.erase(it);
        ++fired_;
    }
    const std::string what = "injected failure before: " + std::string(sql.substr(0, 80));
    switch (kind) {
        case Kind::Retryable:
            throw RetryableError(what);
        case Kind::Constraint:
            throw ConstraintError(what);
        case Kind::LoseTransaction:
            conn.exec("ROLLBACK");
            break;
        case Kind::Error:
            break;
    }
    throw StoreError(what);
}

void Faults::before_commit(Connection& conn) {
    {
        std::lock_guard lock(mutex_);
        if (commits_ == 0) return;
        --commits_;
        ++fired_;
    }
    conn.exec("ROLLBACK");
    throw StoreError("injected failure of COMMIT");
}

}  // namespace store::engine
