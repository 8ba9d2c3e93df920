#pragma once
// The cached list of product ids: the same code for both backends (sql/ProductIds.h).
#include "store/sql/ProductIds.h"

namespace store::sqlite {

using sql::first_id_of;
using sql::ProductIds;

}  // namespace store::sqlite
