#pragma once
#include "store/Store.h"
#include "store/sqlite/Pool.h"

namespace store::sqlite {

// The request journal table: batched appends, filtered newest-first reads, pruning.
class SqliteJournal final : public Journal {
  public:
    explicit SqliteJournal(Pool& pool) : pool_(pool) {}
    void append(std::span<const JournalEntry> entries) override;
    std::vector<JournalEntry> query(const JournalQuery& q) override;
    std::int64_t prune_before(std::int64_t at_ms) override;
    std::optional<JournalEntry> entry(std::int64_t id) override;
    std::vector<ActionLastOk> last_ok_by_action(std::int64_t since_ms) override;

  private:
    Pool& pool_;
};

}  // namespace store::sqlite
