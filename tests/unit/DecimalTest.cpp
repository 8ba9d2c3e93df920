#include "core/Decimal.h"

#include <gtest/gtest.h>

#include <limits>

using core::format_scaled;
using core::parse_int;
using core::parse_scaled;

TEST(Decimal, ParsesTaxRatesAsHundredths) {
    EXPECT_EQ(parse_scaled("23", 2), 2300);
    EXPECT_EQ(parse_scaled("5.5", 2), 550);
    EXPECT_EQ(parse_scaled("8.00", 2), 800);
    EXPECT_EQ(parse_scaled("-0.25", 2), -25);
    EXPECT_EQ(parse_scaled("+1", 2), 100);
    EXPECT_EQ(parse_scaled("0.35", 3), 350);  // weight in grams from kg
    EXPECT_EQ(parse_scaled("7", 0), 7);
}

TEST(Decimal, RejectsJunkExponentsAndTooManyDecimals) {
    for (std::string_view bad :
         {"", "-", ".5", "5.", "1e2", "1.234", "abc", " 5", "5 ", "5,5", "1..2", "--1"}) {
        EXPECT_FALSE(parse_scaled(bad, 2).has_value()) << '"' << bad << '"';
    }
    EXPECT_FALSE(parse_scaled("1.5", 0).has_value());
}

TEST(Decimal, RejectsOverflowInsteadOfWrapping) {
    EXPECT_FALSE(parse_scaled("92233720368547758.08", 2).has_value());
    EXPECT_EQ(parse_scaled("92233720368547758.07", 2), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(parse_scaled("-92233720368547758.08", 2), std::numeric_limits<std::int64_t>::min());
    EXPECT_FALSE(parse_scaled("100000000000000000000", 0).has_value());
    EXPECT_FALSE(parse_scaled("1", 19).has_value());
}

TEST(Decimal, FormatsWithTheFewestExactDecimals) {
    EXPECT_EQ(format_scaled(2300, 2), "23");
    EXPECT_EQ(format_scaled(550, 2), "5.5");
    EXPECT_EQ(format_scaled(5, 2), "0.05");
    EXPECT_EQ(format_scaled(-5, 2), "-0.05");
    EXPECT_EQ(format_scaled(0, 2), "0");
    EXPECT_EQ(format_scaled(350, 3), "0.35");
    EXPECT_EQ(format_scaled(42, 0), "42");
    EXPECT_EQ(format_scaled(std::numeric_limits<std::int64_t>::min(), 2), "-92233720368547758.08");
}

TEST(Decimal, FormatAndParseRoundTrip) {
    for (std::int64_t v : {0LL, 1LL, 10LL, 550LL, 2300LL, -7LL, 123456789LL}) {
        EXPECT_EQ(parse_scaled(format_scaled(v, 2), 2), v) << v;
    }
}

TEST(Decimal, AppendScaledAppends) {
    std::string out = "tax=";
    core::append_scaled(out, 550, 2);
    EXPECT_EQ(out, "tax=5.5");
}

TEST(Decimal, ParseIntIsStrict) {
    EXPECT_EQ(parse_int("12"), 12);
    EXPECT_EQ(parse_int("-3"), -3);
    EXPECT_EQ(parse_int("+4"), 4);
    EXPECT_EQ(parse_int("0"), 0);
    EXPECT_EQ(parse_int("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(parse_int("-9223372036854775808"), std::numeric_limits<std::int64_t>::min());
    for (std::string_view bad :
         {"", "+", "-", " 1", "1 ", "1.0", "1e3", "0x1", "abc", "9223372036854775808", "1,2"}) {
        EXPECT_FALSE(parse_int(bad).has_value()) << '"' << bad << '"';
    }
}
