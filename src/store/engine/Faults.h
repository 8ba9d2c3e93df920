#pragma once
// Failure injection at the port, for tests (after SQLite's anomaly tests): a statement that
// fails, a commit that fails, a deadlock, a transaction the database drops, at a chosen point,
// so that the retry and group-commit fallback paths are tested on purpose rather than by luck.
// A port with no Faults attached pays one pointer test per statement.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace store::engine {

class Connection;

class Faults {
  public:
    enum class Kind {
        Error,            // a StoreError, as an I/O error or a lost server would give
        Retryable,        // a RetryableError, as a deadlock gives on PostgreSQL
        Constraint,       // a ConstraintError
        LoseTransaction,  // the database drops the whole transaction (ROLLBACK), then an error
    };

    // The next `times` statements whose SQL contains `needle` fail with `kind` before they run.
    void fail_statement(std::string needle, Kind kind, int times = 1);
    // The same after `pass` such statements ran (e.g. an import's chunk k+1 fails after k).
    void fail_statement_after(int pass, std::string needle, Kind kind, int times = 1);
    // The next `times` commits fail: the transaction is rolled back and a StoreError thrown.
    void fail_commit(int times = 1);
    // How many planned failures have happened.
    int fired() const;

    // For the ports' connections.
    void before_statement(std::string_view sql, Connection& conn);
    void before_commit(Connection& conn);

  private:
    struct Planned {
        std::string needle;
        Kind kind;
        int times;
        int pass = 0;
    };
    mutable std::mutex mutex_;
    std::vector<Planned> statements_;
    int commits_ = 0;
    int fired_ = 0;
};

}  // namespace store::engine
