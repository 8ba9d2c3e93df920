#pragma once
#include "store/postgres/Dialect.h"
#include "store/sql/Journal.h"

namespace store::postgres {

// The request journal table: batched appends (one statement per batch), filtered newest-first
// reads, pruning. Shared with SQLite (sql/Journal.h) but for append(), defined in
// Journal.cpp.
using PgJournal = sql::SqlJournal<Dialect>;

}  // namespace store::postgres

template <>
void store::sql::SqlJournal<store::postgres::Dialect>::append(
    std::span<const store::JournalEntry> entries);

// Compiled once, in Journal.cpp.
extern template class store::sql::SqlJournal<store::postgres::Dialect>;
