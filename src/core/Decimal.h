#pragma once
// Fixed-scale decimals for non-money quantities that must round-trip exactly (tax rates in
// hundredths of a percent: "23" -> 2300, "5.5" -> 550).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// Parses a plain decimal ("23", "5.5", "-0.25") with at most `scale` fractional digits into an
// integer scaled by 10^scale. Nullopt on exponent, junk, too many decimals or overflow.
std::optional<std::int64_t> parse_scaled(std::string_view text, int scale);

// Formats a scaled integer with the fewest decimals that represent it exactly: 2300 -> "23",
// 550 -> "5.5", 5 (scale 2) -> "0.05".
void append_scaled(std::string& out, std::int64_t value, int scale);
std::string format_scaled(std::int64_t value, int scale);

// Strict integer parse of a whole string view ("12", "-3", "+4"); nullopt on anything else.
std::optional<std::int64_t> parse_int(std::string_view text);

}  // namespace core
