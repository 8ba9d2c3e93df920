#pragma once
// The request journal table: batched appends, filtered newest-first reads, single entries,
// pruning.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::engine {

class Journal final : public store::Journal {
  public:
    explicit Journal(Port& port) : port_(port) {}

    // The whole batch in one statement (the rows travel as Port::rows_relation), in order, so
    // that ids follow the batch's order.
    void append(std::span<const JournalEntry> entries) override;

    std::vector<ActionLastOk> last_ok_by_action(std::int64_t since_ms) override;

    std::vector<JournalEntry> query(const JournalQuery& q) override;

    std::int64_t prune_before(std::int64_t at_ms) override;

    std::optional<JournalEntry> entry(std::int64_t id) override;

  private:
    static constexpr const char* kColumns =
        "SELECT id, at_ms, request_id, client, action, duration_us, http_status, outcome,"
        " response_bytes, detail FROM journal";

    static JournalEntry read_entry(const Statement& st);

    Port& port_;
};

}  // namespace store::engine
