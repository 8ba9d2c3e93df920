#pragma once
// Parameters of a statement assembled from optional conditions, numbered in the order they are
// added: PostgreSQL cannot prepare a statement whose parameter numbers leave a gap (it could not
// infer the missing one's type), and SQLite does not mind.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/engine/Port.h"

namespace store::engine {

class Params {
  public:
    using Value = std::variant<std::int64_t, bool, std::string>;
    // The placeholder for SQL text, cast to the value's type ("CAST(?3 AS BIGINT)").
    std::string add(Value value);
    // The number of the parameter just added, for a fragment that takes a number.
    int add_number(Value value);
    void bind(Statement& st) const;

  private:
    std::vector<Value> values_;
};

}  // namespace store::engine
