#include "core/Money.h"

#include <gtest/gtest.h>

#include <limits>

using core::Money;

namespace {

std::int64_t minor_of(std::string_view text) {
    auto m = Money::parse(text);
    EXPECT_TRUE(m.has_value()) << text;
    return m ? m->minor() : -999;
}

}  // namespace

TEST(Money, ParsesWhatBaseLinkerSends) {
    EXPECT_EQ(minor_of("16.80"), 1680);
    EXPECT_EQ(minor_of("16.8"), 1680);
    EXPECT_EQ(minor_of("12"), 1200);
    EXPECT_EQ(minor_of("0.05"), 5);
    EXPECT_EQ(minor_of("-3.10"), -310);
    EXPECT_EQ(minor_of("+4"), 400);
    EXPECT_EQ(minor_of("0"), 0);
    EXPECT_EQ(minor_of("-0.00"), 0);
    EXPECT_EQ(minor_of("007.5"), 750);
}

TEST(Money, RejectsAnythingThatIsNotAPlainTwoDecimalAmount) {
    for (std::string_view bad : {"",      "-",    "+",     ".",     "12.", ".5",    "1.234",
                                 "1e2",   "1,50", " 1.00", "1.00 ", "abc", "1.-5",  "--1",
                                 "1.5.0", "0x10", "1 000", "NaN",   "inf", "12.5a", "\xd9\xa1"}) {
        EXPECT_FALSE(Money::parse(bad).has_value()) << '"' << bad << '"';
    }
}

TEST(Money, RejectsMoreThanFifteenIntegerDigitsInsteadOfOverflowing) {
    EXPECT_EQ(minor_of("999999999999999.99"), 99999999999999999);
    EXPECT_FALSE(Money::parse("1000000000000000").has_value());
    EXPECT_FALSE(Money::parse("99999999999999999999999999").has_value());
}

TEST(Money, FormatsWithExactlyTwoDecimals) {
    EXPECT_EQ(Money::from_minor(1250).format(), "12.50");
    EXPECT_EQ(Money::from_minor(1680).format(), "16.80");
    EXPECT_EQ(Money::from_minor(0).format(), "0.00");
    EXPECT_EQ(Money::from_minor(5).format(), "0.05");
    EXPECT_EQ(Money::from_minor(-5).format(), "-0.05");
    EXPECT_EQ(Money::from_minor(-12345).format(), "-123.45");
    EXPECT_EQ(Money::from_minor(100).format(), "1.00");
}

TEST(Money, FormatsTheExtremesWithoutOverflow) {
    EXPECT_EQ(Money::from_minor(std::numeric_limits<std::int64_t>::max()).format(),
              "92233720368547758.07");
    EXPECT_EQ(Money::from_minor(std::numeric_limits<std::int64_t>::min()).format(),
              "-92233720368547758.08");
}

TEST(Money, AppendToMatchesFormat) {
    std::string out = "price=";
    Money::from_minor(3490).append_to(out);
    EXPECT_EQ(out, "price=34.90");
}

TEST(Money, RoundTripsThroughText) {
    for (std::int64_t minor : {0LL, 1LL, 99LL, 100LL, 1199LL, -1LL, -1199LL, 99999999999999999LL}) {
        auto m = Money::from_minor(minor);
        EXPECT_EQ(Money::parse(m.format()), m) << minor;
    }
}

TEST(Money, ArithmeticIsExact) {
    // 0.1 + 0.2 is the classic binary floating point failure.
    auto sum = *Money::parse("0.10") + *Money::parse("0.20");
    EXPECT_EQ(sum.format(), "0.30");
    EXPECT_EQ((*Money::parse("34.90") * 2 + *Money::parse("11.99")).format(), "81.79");
    EXPECT_EQ((*Money::parse("5") - *Money::parse("5.01")).format(), "-0.01");
    EXPECT_LT(*Money::parse("9.99"), *Money::parse("10"));
}
