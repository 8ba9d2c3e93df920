// Helpers of the catalogue import: array elements, the pause between tries of an aborted
// transaction.
#include <array>
#include <charconv>
#include <chrono>
#include <random>
#include <thread>

#include "store/postgres/Catalog.h"

namespace store::postgres {

ArrayBuilder& add_flag(ArrayBuilder& array, bool value) {
    return array.add(std::string_view(value ? "t" : "f"));
}

ArrayBuilder& add_real(ArrayBuilder& array, double value) {
    std::array<char, 32> buf;
    // The shortest text that reads back as the same double, as Statement::bind(double) sends.
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    return array.add(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())));
}

ArrayBuilder& add_optional(ArrayBuilder& array, std::optional<std::int64_t> value) {
    return value ? array.add(*value) : array.add_null();
}

ArrayBuilder& add_or_null(ArrayBuilder& array, std::string_view text) {
    return text.empty() ? array.add_null() : array.add(text);
}

void retry_pause(int tries) {
    thread_local std::minstd_rand random(std::random_device{}());
    std::uniform_int_distribution<int> ms(5 * tries, 20 * tries);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
}

}  // namespace store::postgres
