#pragma once
// How BaseLinker's PHP reads a scalar it was sent, for the connector's lenient readers: a numeric
// string as is_numeric() sees it ("2", " 2 ", "2.0", "5.00", ".5", "12.", "1e2"), an integer
// that is written with a zero fraction, money with more decimals rounded to the grosz as PHP's
// round() does (half away from zero), and a flag with PHP-style truthiness. Every reader is
// exact: no value passes through a double. The callers decide what a value that PHP would read
// differently from our strict readers means, and say so in the journal.
#include <cstdint>
#include <optional>
#include <string_view>

namespace core::php {

// An integer: a numeric string whose value is integral and fits int64 ("2", "+2", "2.0",
// "2.00", "2e0", " 2 "). Nullopt for anything else, including "2.5" (PHP's (int) would
// truncate it: a caller must not guess a quantity).
std::optional<std::int64_t> integer(std::string_view text);

// A numeric string scaled by 10^scale and rounded half away from zero to an integer:
// scaled("12.345", 2) = 1235 with `rounded` set, scaled("16.8", 2) = 1680. Nullopt when not
// numeric or when the scaled value has more than 17 digits (far beyond any price or rate).
struct Scaled {
    std::int64_t value = 0;
    bool rounded = false;  // digits beyond the scale were dropped
};
std::optional<Scaled> scaled(std::string_view text, int scale);

// PHP-style truthiness of a form value: "1", "true", "on", "yes" and any non-zero number are
// true; "", "0", "false", "off", "no", "null" and a zero number ("0.0") are false; ASCII case
// and surrounding white space are ignored. Nullopt for any other text, which a caller reads as
// false and journals.
std::optional<bool> truth(std::string_view text);

// PHP's white space around a numeric string: space, \t, \n, \r, \v, \f.
std::string_view trim(std::string_view text);

}  // namespace core::php
