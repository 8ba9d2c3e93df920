// core::php: the values BaseLinker's PHP sends, read exactly as PHP would read them.
#include "core/PhpValue.h"

#include <gtest/gtest.h>

using core::php::integer;
using core::php::scaled;
using core::php::truth;

TEST(PhpInteger, IntegralNumbersInEveryPhpSpelling) {
    EXPECT_EQ(integer("2"), 2);
    EXPECT_EQ(integer(" 2 "), 2);
    EXPECT_EQ(integer("\t2\n"), 2);
    EXPECT_EQ(integer("+2"), 2);
    EXPECT_EQ(integer("2.0"), 2);
    EXPECT_EQ(integer("5.00"), 5);
    EXPECT_EQ(integer("2e0"), 2);
    EXPECT_EQ(integer("1E3"), 1000);
    EXPECT_EQ(integer("12."), 12);
    EXPECT_EQ(integer("-0"), 0);
    EXPECT_EQ(integer("0.0"), 0);
    EXPECT_EQ(integer("-3.000"), -3);
    EXPECT_EQ(integer("007"), 7);
    EXPECT_EQ(integer("9223372036854775807"), INT64_MAX);
    EXPECT_EQ(integer("-9223372036854775808"), INT64_MIN);
}

TEST(PhpInteger, NoGuessingAtFractionsJunkOrOverflow) {
    for (const char* text : {"2.5", "0.1", "1e-1", "", " ", ".", "-", "abc", "12abc", "0x1A", "1e",
                             "1e+", "2,0", "9223372036854775808", "1e19", "1e999", "--1"}) {
        EXPECT_EQ(integer(text), std::nullopt) << text;
    }
}

TEST(PhpScaled, MoneyRoundsHalfAwayFromZeroToTheGrosz) {
    auto at2 = [](const char* text) { return scaled(text, 2); };
    EXPECT_EQ(at2("16.8")->value, 1680);
    EXPECT_FALSE(at2("16.8")->rounded);
    EXPECT_EQ(at2("12.345")->value, 1235);
    EXPECT_TRUE(at2("12.345")->rounded);
    EXPECT_EQ(at2("12.344999")->value, 1234);
    EXPECT_EQ(at2("-12.345")->value, -1235);
    EXPECT_EQ(at2("0.005")->value, 1);
    EXPECT_EQ(at2("0.0049")->value, 0);
    EXPECT_TRUE(at2("0.0049")->rounded);
    EXPECT_EQ(at2("0.999")->value, 100);
    EXPECT_EQ(at2(".5")->value, 50);
    EXPECT_EQ(at2("12.")->value, 1200);
    EXPECT_EQ(at2("1e2")->value, 10000);
    EXPECT_EQ(at2("1.5E-1")->value, 15);
    EXPECT_EQ(at2(" 19.99 ")->value, 1999);
    EXPECT_EQ(at2("12.3000")->value, 1230);
    EXPECT_FALSE(at2("12.3000")->rounded);  // trailing zeros are not precision lost
    EXPECT_EQ(at2("999999999999999.99")->value, 99999999999999999);
    EXPECT_EQ(at2("1000000000000000"), std::nullopt);  // 18 digits of grosz
    EXPECT_EQ(at2("12,50"), std::nullopt);
    EXPECT_EQ(at2("zł 5"), std::nullopt);
}

TEST(PhpTruth, TheListedSpellingsAndNumbers) {
    for (const char* text : {"1", "true", "TRUE", " on ", "Yes", "2", "1.0", "-1", "1e0"}) {
        EXPECT_EQ(truth(text), true) << text;
    }
    for (const char* text : {"", "0", "false", "False", "off", "no", "null", "0.0", "-0", " 0 "}) {
        EXPECT_EQ(truth(text), false) << text;
    }
    for (const char* text : {"y", "tak", "maybe", "1x"}) {
        EXPECT_EQ(truth(text), std::nullopt) << text;
    }
}
