#include "core/Decimal.h"

#include <charconv>
#include <limits>

namespace core {

namespace {

constexpr int kMaxScale = 18;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Strips one leading sign; returns true when it was '-'.
bool take_sign(std::string_view& text) {
    if (text.empty() || (text.front() != '-' && text.front() != '+')) return false;
    bool negative = text.front() == '-';
    text.remove_prefix(1);
    return negative;
}

// Accumulates digits into an unsigned magnitude; false on a non-digit or when it exceeds `limit`.
bool accumulate(std::string_view digits, std::uint64_t limit, std::uint64_t& acc) {
    for (char c : digits) {
        if (!is_digit(c)) return false;
        auto d = static_cast<std::uint64_t>(c - '0');
        if (acc > (limit - d) / 10) return false;
        acc = acc * 10 + d;
    }
    return true;
}

std::optional<std::int64_t> apply_sign(std::uint64_t magnitude, bool negative) {
    if (negative) return static_cast<std::int64_t>(0 - magnitude);
    return static_cast<std::int64_t>(magnitude);
}

// The largest magnitude allowed for a sign: |INT64_MIN| is one more than INT64_MAX.
std::uint64_t limit_for(bool negative) {
    auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    return negative ? max + 1 : max;
}

}  // namespace

std::optional<std::int64_t> parse_int(std::string_view text) {
    bool negative = take_sign(text);
    if (text.empty()) return std::nullopt;
    std::uint64_t magnitude = 0;
    if (!accumulate(text, limit_for(negative), magnitude)) return std::nullopt;
    return apply_sign(magnitude, negative);
}

std::optional<std::int64_t> parse_scaled(std::string_view text, int scale) {
    if (scale < 0 || scale > kMaxScale) return std::nullopt;
    bool negative = take_sign(text);
    std::string_view integer = text;
    std::string_view fraction;
    if (auto dot = text.find('.'); dot != std::string_view::npos) {
        integer = text.substr(0, dot);
        fraction = text.substr(dot + 1);
        if (fraction.empty()) return std::nullopt;
    }
    if (integer.empty() || fraction.size() > static_cast<std::size_t>(scale)) return std::nullopt;

    std::uint64_t magnitude = 0;
    std::uint64_t limit = limit_for(negative);
    if (!accumulate(integer, limit, magnitude)) return std::nullopt;
    if (!accumulate(fraction, limit, magnitude)) return std::nullopt;
    for (auto i = fraction.size(); i < static_cast<std::size_t>(scale); ++i) {
        if (!accumulate("0", limit, magnitude)) return std::nullopt;
    }
    return apply_sign(magnitude, negative);
}

void append_scaled(std::string& out, std::int64_t value, int scale) {
    std::uint64_t magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    if (value < 0) out.push_back('-');
    if (scale < 0) scale = 0;
    // Render all digits left-padded to scale+1, then place the point and drop trailing zeros.
    char buf[48];
    auto end = std::to_chars(buf, buf + sizeof buf, magnitude).ptr;
    std::string digits(buf, end);
    if (digits.size() <= static_cast<std::size_t>(scale)) {
        digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
    }
    std::size_t int_len = digits.size() - static_cast<std::size_t>(scale);
    std::size_t frac_end = digits.size();
    while (frac_end > int_len && digits[frac_end - 1] == '0') --frac_end;
    out.append(digits, 0, int_len);
    if (frac_end > int_len) {
        out.push_back('.');
        out.append(digits, int_len, frac_end - int_len);
    }
}

std::string format_scaled(std::int64_t value, int scale) {
    std::string out;
    append_scaled(out, value, scale);
    return out;
}

}  // namespace core
