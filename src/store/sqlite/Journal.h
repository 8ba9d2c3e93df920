#pragma once
#include "store/sql/Journal.h"
#include "store/sqlite/Dialect.h"

namespace store::sqlite {

// The request journal table: batched appends, filtered newest-first reads, pruning. Shared with
// PostgreSQL (sql/Journal.h) but for append(), defined in Journal.cpp.
using SqliteJournal = sql::SqlJournal<Dialect>;

}  // namespace store::sqlite

template <>
void store::sql::SqlJournal<store::sqlite::Dialect>::append(
    std::span<const store::JournalEntry> entries);

// Compiled once, in Journal.cpp.
extern template class store::sql::SqlJournal<store::sqlite::Dialect>;
