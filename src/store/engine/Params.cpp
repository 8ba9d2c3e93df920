#include "store/engine/Params.h"

namespace store::engine {

int Params::add_number(Value value) {
    values_.push_back(std::move(value));
    return static_cast<int>(values_.size());
}

std::string Params::add(Value value) {
    const char* type = std::holds_alternative<std::int64_t>(value) ? "BIGINT"
                       : std::holds_alternative<bool>(value)       ? "BOOLEAN"
                                                                   : "TEXT";
    const int n = add_number(std::move(value));
    return "CAST(?" + std::to_string(n) + " AS " + type + ")";
}

void Params::bind(Statement& st) const {
    for (std::size_t i = 0; i < values_.size(); ++i)
        std::visit([&](const auto& v) { st.bind(static_cast<int>(i + 1), v); }, values_[i]);
}

}  // namespace store::engine
