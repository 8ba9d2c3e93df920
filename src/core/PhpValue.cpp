#include "core/PhpValue.h"

#include <string>

namespace core::php {
namespace {

// A numeric string's value as digits × 10^exponent, digits without leading zeros ("" = 0).
struct Decimal {
    bool negative = false;
    std::string digits;
    int exponent = 0;
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

constexpr int kMaxExponent = 400;  // beyond this no value we read can fit anyway
constexpr std::size_t kMaxDigits = 17;

std::optional<Decimal> read_decimal(std::string_view text) {
    text = trim(text);
    Decimal d;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) d.negative = text[i++] == '-';
    std::size_t mantissa_digits = 0;
    int fraction_digits = 0;
    for (; i < text.size() && is_digit(text[i]); ++i, ++mantissa_digits) d.digits += text[i];
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && is_digit(text[i]); ++i, ++mantissa_digits, ++fraction_digits)
            d.digits += text[i];
    }
    if (mantissa_digits == 0) return std::nullopt;  // "", ".", "-", "e5"
    int exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool negative_exponent = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            negative_exponent = text[i++] == '-';
        if (i == text.size() || !is_digit(text[i])) return std::nullopt;
        for (; i < text.size() && is_digit(text[i]); ++i) {
            exponent = exponent * 10 + (text[i] - '0');
            if (exponent > kMaxExponent) return std::nullopt;
        }
        if (negative_exponent) exponent = -exponent;
    }
    if (i != text.size()) return std::nullopt;  // junk after the number ("12abc", "0x1A")
    d.exponent = exponent - fraction_digits;
    const auto first = d.digits.find_first_not_of('0');
    d.digits.erase(0, first == std::string::npos ? d.digits.size() : first);
    while (!d.digits.empty() && d.digits.back() == '0') {
        d.digits.pop_back();
        ++d.exponent;
    }
    if (d.digits.empty()) d.exponent = 0;
    return d;
}

// digits × 10^shift as an int64 (shift ≥ 0); nullopt beyond kMaxDigits digits.
std::optional<std::int64_t> whole(std::string_view digits, int shift, bool negative) {
    if (digits.empty()) return 0;
    if (digits.size() + static_cast<std::size_t>(shift) > kMaxDigits) return std::nullopt;
    std::int64_t value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    for (int k = 0; k < shift; ++k) value *= 10;
    return negative ? -value : value;
}

}  // namespace

std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\n\r\v\f";
    const auto begin = text.find_first_not_of(kSpace);
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(kSpace) - begin + 1);
}

std::optional<std::int64_t> integer(std::string_view text) {
    auto d = read_decimal(text);
    if (!d || d->exponent < 0) return std::nullopt;  // a fraction that is not zero
    // Up to 19 digits for ids: int64 holds every 18-digit value; 19 digits are checked.
    if (d->digits.size() + static_cast<std::size_t>(d->exponent) > 19) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : d->digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');
    for (int k = 0; k < d->exponent; ++k) value *= 10;  // at most 19 digits: no wrap-around
    const std::uint64_t limit = d->negative ? 9223372036854775808ULL : 9223372036854775807ULL;
    if (value > limit) return std::nullopt;
    return d->negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
}

std::optional<Scaled> scaled(std::string_view text, int scale) {
    auto d = read_decimal(text);
    if (!d) return std::nullopt;
    const int exponent = d->exponent + scale;
    if (exponent >= 0) {
        auto value = whole(d->digits, exponent, d->negative);
        if (!value) return std::nullopt;
        return Scaled{*value, false};
    }
    // Drop the last -exponent digits, rounding half away from zero on the first dropped one.
    const std::size_t drop = static_cast<std::size_t>(-exponent);
    // Below half a unit (0.0049 at scale 2: the first dropped digit is a leading zero): 0.
    if (drop > d->digits.size()) return Scaled{0, true};
    const std::string_view kept = std::string_view(d->digits).substr(0, d->digits.size() - drop);
    const bool up = d->digits[d->digits.size() - drop] >= '5';
    auto value = whole(kept, 0, false);
    if (!value) return std::nullopt;
    if (up) ++*value;
    if (*value >= 100000000000000000LL) return std::nullopt;  // kMaxDigits
    return Scaled{d->negative ? -*value : *value, true};
}

std::optional<bool> truth(std::string_view text) {
    text = trim(text);
    std::string lower;
    for (char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower.empty() || lower == "false" || lower == "off" || lower == "no" || lower == "null")
        return false;
    if (lower == "true" || lower == "on" || lower == "yes") return true;
    if (auto d = read_decimal(lower)) return !d->digits.empty();
    return std::nullopt;
}

}  // namespace core::php
