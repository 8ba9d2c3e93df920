#include "core/Money.h"

#include <charconv>
#include <cstdlib>

namespace core {

namespace {

constexpr std::size_t kMaxIntegerDigits = 15;  // keeps every sum of a few amounts far from overflow

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return true;
}

}  // namespace

std::optional<Money> Money::parse(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    std::string_view integer = text;
    std::string_view fraction;
    if (auto dot = text.find('.'); dot != std::string_view::npos) {
        integer = text.substr(0, dot);
        fraction = text.substr(dot + 1);
        // "12." and ".5" are not how any sender writes money; refuse rather than guess.
        if (fraction.empty()) return std::nullopt;
    }
    if (integer.empty() || integer.size() > kMaxIntegerDigits || fraction.size() > 2) {
        return std::nullopt;
    }
    if (!all_digits(integer) || !all_digits(fraction)) return std::nullopt;

    std::int64_t minor = 0;
    for (char c : integer) minor = minor * 10 + (c - '0');
    for (std::size_t i = 0; i < 2; ++i) {
        minor = minor * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    }
    return Money(negative ? -minor : minor);
}

void Money::append_to(std::string& out) const {
    // Unsigned magnitude so that INT64_MIN formats too.
    std::uint64_t magnitude =
        minor_ < 0 ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
    if (minor_ < 0) out.push_back('-');
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, magnitude / 100).ptr;
    out.append(buf, end);
    unsigned cents = static_cast<unsigned>(magnitude % 100);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + cents / 10));
    out.push_back(static_cast<char>('0' + cents % 10));
}

std::string Money::format() const {
    std::string out;
    append_to(out);
    return out;
}

}  // namespace core
