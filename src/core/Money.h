#pragma once
// Exact money: integer minor units (grosze, cents). Never routed through binary floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

class Money {
  public:
    constexpr Money() = default;
    static constexpr Money from_minor(std::int64_t minor) { return Money(minor); }

    // Parses "12", "12.5", "12.50", "-3.10", "+4" ("." decimal point, at most 2 decimals,
    // no exponent, no spaces, at most 15 integer digits). Returns nullopt on anything else.
    static std::optional<Money> parse(std::string_view text);

    constexpr std::int64_t minor() const { return minor_; }
    // Always two decimals: "12.50", "-0.05", "0.00".
    std::string format() const;
    // Appends the same text as format() without allocating a new string.
    void append_to(std::string& out) const;

    friend constexpr bool operator==(Money a, Money b) = default;
    friend constexpr auto operator<=>(Money a, Money b) = default;
    friend constexpr Money operator+(Money a, Money b) { return Money(a.minor_ + b.minor_); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.minor_ - b.minor_); }
    friend constexpr Money operator*(Money a, std::int64_t n) { return Money(a.minor_ * n); }

  private:
    constexpr explicit Money(std::int64_t minor) : minor_(minor) {}
    std::int64_t minor_ = 0;
};

}  // namespace core
