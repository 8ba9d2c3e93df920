#pragma once
#include "store/Store.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

// The request journal table: batched appends (one statement per batch), filtered newest-first
// reads, pruning.
class PgJournal final : public Journal {
  public:
    explicit PgJournal(Pool& pool) : pool_(pool) {}
    void append(std::span<const JournalEntry> entries) override;
    std::vector<JournalEntry> query(const JournalQuery& q) override;
    std::int64_t prune_before(std::int64_t at_ms) override;
    std::optional<JournalEntry> entry(std::int64_t id) override;
    std::vector<ActionLastOk> last_ok_by_action(std::int64_t since_ms) override;

  private:
    Pool& pool_;
};

}  // namespace store::postgres
