// wire::JsonDocument: the tree of a JSON text with every number's literal text, the way money
// sent as a JSON number is read without a double.
#include "wire/JsonDocument.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/Money.h"

using wire::JsonDocument;
using wire::JsonReadOptions;

namespace {

JsonDocument parse_ok(std::string_view text, const JsonReadOptions& options = {}) {
    auto document = JsonDocument::parse(text, options);
    EXPECT_TRUE(document.ok()) << text << " -> " << document.status().text();
    if (!document) return std::move(*JsonDocument::parse("null"));
    return std::move(*document);
}

// The literal text of the member `key` of the top-level object.
std::string member_text(const JsonDocument& document, std::string_view key) {
    const auto* v = document.root().as_object().if_contains(key);
    if (v == nullptr) return "<missing>";
    auto text = document.number_text(*v);
    return text ? std::string(*text) : "<not a number>";
}

}  // namespace

TEST(JsonDocument, MoneyKeepsItsDigits) {
    auto document = parse_ok(R"({"price":19.99,"promo":16.80,"cents":0.01,"whole":12})");
    EXPECT_EQ(member_text(document, "price"), "19.99");
    EXPECT_EQ(member_text(document, "promo"), "16.80");  // a double would print 16.8
    EXPECT_EQ(member_text(document, "cents"), "0.01");
    EXPECT_EQ(member_text(document, "whole"), "12");
    EXPECT_EQ(core::Money::parse(member_text(document, "price"))->minor(), 1999);
    EXPECT_EQ(core::Money::parse(member_text(document, "promo"))->minor(), 1680);
}

TEST(JsonDocument, DecimalsThatNoDoubleHolds) {
    // 0.1 + 0.2 != 0.3 in binary: the texts are what was sent, not what a double prints back.
    auto document =
        parse_ok(R"({"a":0.1,"b":0.2,"sum":0.3,"double_sum":0.30000000000000004,"x":1.005})");
    EXPECT_EQ(member_text(document, "a"), "0.1");
    EXPECT_EQ(member_text(document, "b"), "0.2");
    EXPECT_EQ(member_text(document, "sum"), "0.3");
    EXPECT_EQ(member_text(document, "double_sum"), "0.30000000000000004");
    EXPECT_EQ(member_text(document, "x"), "1.005");
    const auto& root = document.root().as_object();
    EXPECT_EQ(core::Money::parse(member_text(document, "a"))->minor() +
                  core::Money::parse(member_text(document, "b"))->minor(),
              core::Money::parse(member_text(document, "sum"))->minor());
    EXPECT_TRUE(root.at("a").is_double());  // the tree still says what kind of number it is
}

TEST(JsonDocument, HugeAndExponentFormsAsWritten) {
    auto document = parse_ok(
        R"({"e":1e3,"E":1E+2,"neg":-1.5e-3,"huge":1e400,"long":123456789012345678901234567890.12,)"
        R"("zero":-0,"tiny":4.9e-324,"nan":0e400})");
    EXPECT_EQ(member_text(document, "e"), "1e3");
    EXPECT_EQ(member_text(document, "E"), "1E+2");
    EXPECT_EQ(member_text(document, "neg"), "-1.5e-3");
    EXPECT_EQ(member_text(document, "huge"), "1e400");
    EXPECT_EQ(member_text(document, "long"), "123456789012345678901234567890.12");
    EXPECT_EQ(member_text(document, "zero"), "-0");
    EXPECT_EQ(member_text(document, "tiny"), "4.9e-324");
    EXPECT_EQ(member_text(document, "nan"), "0e400");  // Boost.JSON 1.81's double is a NaN
    // Money refuses what is not a plain amount instead of rounding it.
    EXPECT_FALSE(core::Money::parse(member_text(document, "e")).has_value());
    EXPECT_FALSE(core::Money::parse(member_text(document, "long")).has_value());
}

TEST(JsonDocument, IntegersBeyondTwoToThe53) {
    auto document =
        parse_ok(R"({"a":9007199254740993,"max":9223372036854775807,"min":-9223372036854775808,)"
                 R"("u":18446744073709551615,"over":18446744073709551616})");
    EXPECT_EQ(member_text(document, "a"), "9007199254740993");  // a double gives ...992
    EXPECT_EQ(member_text(document, "max"), "9223372036854775807");
    EXPECT_EQ(member_text(document, "min"), "-9223372036854775808");
    EXPECT_EQ(member_text(document, "u"), "18446744073709551615");
    EXPECT_EQ(member_text(document, "over"), "18446744073709551616");
    const auto& root = document.root().as_object();
    EXPECT_EQ(root.at("a").as_int64(), 9007199254740993);
    EXPECT_EQ(root.at("u").as_uint64(), 18446744073709551615ull);
    EXPECT_TRUE(root.at("over").is_double());  // Boost.JSON's kind; the text stays exact
}

TEST(JsonDocument, NumbersAtAnyDepthAndStringsUntouched) {
    auto document = parse_ok(R"([{"lines":[{"price":5.50}, 7]}, "5.50", "\u00ff\u0000x", 2.50])");
    const auto& root = document.root().as_array();
    const auto& line = root[0].as_object().at("lines").as_array();
    EXPECT_EQ(document.number_text(line[0].as_object().at("price")), "5.50");
    EXPECT_EQ(document.number_text(line[1]), "7");
    EXPECT_EQ(document.number_text(root[3]), "2.50");
    EXPECT_EQ(root[1].as_string(), "5.50");
    EXPECT_FALSE(document.number_text(root[1]).has_value());  // a string is not a number
    EXPECT_EQ(root[2].as_string(), std::string("\xc3\xbf\0x", 4));
    EXPECT_FALSE(document.number_text(root[0]).has_value());
}

TEST(JsonDocument, NumberTextOnlyForItsOwnValues) {
    auto document = parse_ok("[1.25]");
    boost::json::value other = 1.25;
    EXPECT_FALSE(document.number_text(other).has_value());
    auto moved = std::move(document);  // the texts follow the tree
    EXPECT_EQ(moved.number_text(moved.root().as_array()[0]), "1.25");
}

TEST(JsonDocument, DuplicateKeysLastWinsUnlessRefused) {
    auto document = parse_ok(R"({"price":1.10,"price":2.20})");
    EXPECT_EQ(member_text(document, "price"), "2.20");

    JsonReadOptions strict;
    strict.refuse_duplicate_keys = true;
    auto repeated = JsonDocument::parse(R"({"a":{"b":1,"b":2}})", strict);
    ASSERT_FALSE(repeated.ok());
    EXPECT_EQ(repeated.status().code(), core::Code::Malformed);
    EXPECT_EQ(repeated.status().field(), "b");
    EXPECT_EQ(repeated.status().message(), "duplicate key \"b\"");
    EXPECT_TRUE(JsonDocument::parse(R"({"a":{"b":1},"c":{"b":2}})", strict).ok());
}

TEST(JsonDocument, ErrorsSayWhereAndWhy) {
    auto why = [](std::string_view text, const JsonReadOptions& options = {}) {
        auto document = JsonDocument::parse(text, options);
        if (document.ok()) return std::string("<parsed>");
        EXPECT_EQ(document.status().code(), core::Code::Malformed) << text;
        EXPECT_EQ(document.status().field(), "") << text;
        return document.status().message();
    };
    // 15 bytes read: the "x" on the second line, its third character.
    EXPECT_EQ(why("{\"a\": 1,\n \"b\": x}"), "not valid JSON at line 2, column 7: syntax error");
    EXPECT_NE(why("[1] [2]").find("not valid JSON at line 1, column 5"), std::string::npos);
    EXPECT_NE(why("").find("not valid JSON at line 1, column 1"), std::string::npos);
    EXPECT_NE(why("\"\xff\"").find("not valid JSON"), std::string::npos);  // not UTF-8

    JsonReadOptions shallow;
    shallow.max_depth = 2;
    EXPECT_EQ(why("[[[1]]]", shallow), "nested deeper than 2 levels");
    EXPECT_EQ(why("[[1]]", shallow), "<parsed>");
}
