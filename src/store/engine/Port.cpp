#include "store/engine/Port.h"

#include <charconv>

namespace store::engine {

void Port::read(const std::function<void(Connection&)>& work) {
    auto conn = acquire();
    Transaction tx(*conn, TxKind::Read);
    work(*conn);
    tx.commit();
}

void Statement::step_row() {
    if (!step()) throw StoreError("no row from " + c_->sql());
}

void Rows::cell(std::optional<std::string> value) {
    cells_.push_back(std::move(value));
    if (cells_.size() % types_.size() == 0) ++count_;
}

Rows& Rows::add(std::int64_t value) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    cell(std::string(buf, end));
    return *this;
}

Rows& Rows::add(std::string_view text) {
    cell(std::string(text));
    return *this;
}

Rows& Rows::add_real(double value) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);  // shortest round trip
    cell(std::string(buf, end));
    return *this;
}

Rows& Rows::add_flag(bool value) {
    cell(std::string(value ? "1" : "0"));
    return *this;
}

Rows& Rows::add_null() {
    cell(std::nullopt);
    return *this;
}

}  // namespace store::engine
