#include "wire/JsonWriter.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <limits>

#include "core/Text.h"

using core::Money;
using wire::append_json_string;
using wire::JsonWriter;

namespace {

std::string json_quoted(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

}  // namespace

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(json_quoted("a\"b\\c"), R"("a\"b\\c")");
    EXPECT_EQ(json_quoted("line\nbreak\r\ttab"), R"("line\nbreak\r\ttab")");
    EXPECT_EQ(json_quoted(std::string("\0\x01\x1f\b\f", 5)), R"("\u0000\u0001\u001f\b\f")");
    EXPECT_EQ(json_quoted("/ and \x7f stay"), "\"/ and \x7f stay\"");
}

TEST(JsonWriter, KeepsValidUtf8AsIs) {
    EXPECT_EQ(json_quoted("Żółw €"), "\"Żółw €\"");
    EXPECT_EQ(json_quoted("\xF0\x9F\x90\xA2"), "\"\xF0\x9F\x90\xA2\"");
}

TEST(JsonWriter, ReplacesInvalidUtf8WithReplacementCharacter) {
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(json_quoted("a\xFF"
                          "b"),
              "\"a" + fffd + "b\"");
    EXPECT_EQ(json_quoted("\xE2\x82"), "\"" + fffd + "\"");  // truncated: one replacement
    EXPECT_EQ(json_quoted("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");  // surrogate
    EXPECT_EQ(json_quoted("\xC0\xAF"), "\"" + fffd + fffd + "\"");             // overlong
    std::string latin2 = json_quoted("\xAF\xF3\xB3w");  // "Żółw" in ISO-8859-2
    EXPECT_TRUE(core::is_valid_utf8(latin2));
    EXPECT_EQ(latin2.back(), '"');
}

TEST(JsonWriter, WritesCommasAutomatically) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("a").integer(1);
    w.key("b").begin_array().integer(1).integer(2).begin_object().end_object().end_array();
    w.key("c").begin_object().key("d").null().key("e").boolean(true).end_object();
    w.key("f").begin_array().end_array();
    w.end_object();
    EXPECT_EQ(out, R"({"a":1,"b":[1,2,{}],"c":{"d":null,"e":true},"f":[]})");
}

TEST(JsonWriter, TopLevelArrayAndEmptyContainers) {
    std::string out;
    JsonWriter w(out);
    w.begin_array().string("FileVersion").string("SupportedMethods").end_array();
    EXPECT_EQ(out, R"(["FileVersion","SupportedMethods"])");
}

TEST(JsonWriter, MoneyAlwaysHasTwoDecimals) {
    std::string out;
    JsonWriter w(out);
    w.begin_array()
        .money(Money::from_minor(1250))
        .money(Money::from_minor(0))
        .money(Money::from_minor(-5))
        .money(Money::from_minor(3490))
        .end_array();
    EXPECT_EQ(out, "[12.50,0.00,-0.05,34.90]");
}

TEST(JsonWriter, IdsAndIdKeysAreStringsCountersAreIntegers) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key(std::int64_t{1002}).begin_object().key(std::int64_t{0}).integer(9).end_object();
    w.key("order_id").id(20417);
    w.key("pages").integer(100);
    w.end_object();
    EXPECT_EQ(out, R"({"1002":{"0":9},"order_id":"20417","pages":100})");
}

TEST(JsonWriter, ScaledNumbersUseFewestDecimals) {
    std::string out;
    JsonWriter w(out);
    w.begin_array().scaled(2300, 2).scaled(550, 2).scaled(35, 2).end_array();
    EXPECT_EQ(out, "[23,5.5,0.35]");
}

TEST(JsonWriter, DoublesAreShortestAndNeverNonFinite) {
    std::string out;
    JsonWriter w(out);
    w.begin_array()
        .number(0.35)
        .number(2.0)
        .number(std::numeric_limits<double>::quiet_NaN())
        .number(INFINITY)
        .end_array();
    EXPECT_EQ(out, "[0.35,2,0,0]");
}

TEST(JsonWriter, RawValuesAreInsertedWithCommas) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("a").raw("[1,2]").key("b").raw("{}").end_object();
    EXPECT_EQ(out, R"({"a":[1,2],"b":{}})");
}

TEST(JsonWriter, KeysAreEscapedToo) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("we\"ird\xFF").string("v").end_object();
    auto parsed = boost::json::parse(out);
    EXPECT_TRUE(parsed.as_object().contains("we\"ird\xEF\xBF\xBD"));
}

TEST(JsonWriter, OutputOfAMixedDocumentParses) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    for (int i = 1; i <= 3; ++i) {
        w.key(std::int64_t{i}).begin_object();
        w.key("name").string("Kubek \"330\"\n\xC5");
        w.key("quantity").integer(i);
        w.key("price").money(Money::from_minor(i * 1001));
        w.end_object();
    }
    w.key("pages").integer(1);
    w.end_object();
    boost::json::error_code ec;
    auto v = boost::json::parse(out, ec);
    ASSERT_FALSE(ec) << out;
    EXPECT_EQ(v.at("3").at("quantity"), 3);
    EXPECT_TRUE(core::is_valid_utf8(out));
}
