// The OrderAdd `products` parser: scalars as numbers or strings keep their exact text, attributes
// are read one level deeper, and every structural problem is invalid_parameter naming the line.
#include <gtest/gtest.h>

#include <string>

#include "wire/ProductsInput.h"

using wire::parse_order_lines;
using wire::RawOrderLine;

namespace {

std::vector<RawOrderLine> parse_ok(std::string_view json) {
    auto r = parse_order_lines(json);
    EXPECT_TRUE(r.ok()) << json << " -> " << (r.ok() ? "" : r.status().text());
    return r.ok() ? r.value() : std::vector<RawOrderLine>{};
}

std::string parse_error(std::string_view json) {
    auto r = parse_order_lines(json);
    EXPECT_FALSE(r.ok()) << json;
    if (r.ok()) return "<ok>";
    EXPECT_EQ(r.status().code(), core::Code::InvalidField);
    return r.status().text();
}

std::string lines(std::size_t count) {
    std::string json = "[";
    for (std::size_t i = 0; i < count; ++i) {
        if (i) json += ',';
        json += R"({"name":"x","price":"1.00","quantity":1})";
    }
    return json + "]";
}

}  // namespace

TEST(OrderLinesInput, EveryFieldAsStringOrNumber) {
    auto as_strings = parse_ok(
        R"([{"id":"1002","variant_id":"5503","sku":"KUB-330-NIE","ean":"5901234123457",
             "name":"Kubek ceramiczny 330 ml, niebieski","price":"34.90","quantity":"2","tax":"23",
             "auction_id":"15733492011",
             "attributes":[{"name":"Kolor","value":"niebieski","price":"0.00"}]}])");
    auto as_numbers = parse_ok(
        R"([{"id":1002,"variant_id":5503,"sku":"KUB-330-NIE","ean":5901234123457,
             "name":"Kubek ceramiczny 330 ml, niebieski","price":34.90,"quantity":2,"tax":23,
             "auction_id":15733492011,
             "attributes":[{"name":"Kolor","value":"niebieski","price":0.00}]}])");
    for (const auto& parsed : {as_strings, as_numbers}) {
        ASSERT_EQ(parsed.size(), 1u);
        const auto& l = parsed[0];
        EXPECT_EQ(l.id, "1002");
        EXPECT_EQ(l.variant_id, "5503");
        EXPECT_EQ(l.sku, "KUB-330-NIE");
        EXPECT_EQ(l.ean, "5901234123457");
        EXPECT_EQ(l.name, "Kubek ceramiczny 330 ml, niebieski");
        EXPECT_EQ(l.price, "34.90");  // not 34.9 nor 34.899999999999999
        EXPECT_EQ(l.quantity, "2");
        EXPECT_EQ(l.tax, "23");
        EXPECT_EQ(l.auction_id, "15733492011");
        ASSERT_EQ(l.attributes.size(), 1u);
        EXPECT_EQ(l.attributes[0].name, "Kolor");
        EXPECT_EQ(l.attributes[0].value, "niebieski");
        EXPECT_EQ(l.attributes[0].price, "0.00");
    }
}

TEST(OrderLinesInput, AbsentAndNullAreEmptyAndUnknownKeysAreIgnored) {
    auto l = parse_ok(
        R"([{"name":"Grawer","id":null,"extra":{"deep":[1,{"price":"9"}]},"price":"15.00",
             "more":[[["x"]]],"quantity":1}])");
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(l[0].id, "");
    EXPECT_EQ(l[0].variant_id, "");
    EXPECT_EQ(l[0].price, "15.00");  // the "price" inside an unknown key did not leak out
    EXPECT_EQ(l[0].name, "Grawer");
    EXPECT_TRUE(l[0].attributes.empty());
}

TEST(OrderLinesInput, AttributesAsListObjectOrNothing) {
    auto l = parse_ok(
        R"([{"attributes":{"0":{"name":"Rozmiar","value":"XL","price":"5"}}},
            {"attributes":[]},{"attributes":null},{"attributes":{}},
            {"attributes":[{"name":"A","value":"1"},{"name":"B","value":"2","price":-1.5,
                            "x":[1]}]}])");
    ASSERT_EQ(l.size(), 5u);
    ASSERT_EQ(l[0].attributes.size(), 1u);
    EXPECT_EQ(l[0].attributes[0].value, "XL");
    EXPECT_EQ(l[0].attributes[0].price, "5");
    EXPECT_TRUE(l[1].attributes.empty());
    EXPECT_TRUE(l[2].attributes.empty());
    EXPECT_TRUE(l[3].attributes.empty());
    ASSERT_EQ(l[4].attributes.size(), 2u);
    EXPECT_EQ(l[4].attributes[0].price, "");
    EXPECT_EQ(l[4].attributes[1].price, "-1.5");
}

TEST(OrderLinesInput, PolishTextAndEscapesDecode) {
    auto l = parse_ok(R"([{"name":"Żółw \"pluszowy\" \u0105\u017c"}])");
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(l[0].name, "Żółw \"pluszowy\" ąż");
}

TEST(OrderLinesInput, AnObjectOfLinesIsReadInTheOrderWritten) {
    wire::Notes notes;
    auto r = parse_order_lines(
        R"({"1":{"name":"Kubek","quantity":"2"},"0":{"name":"Żółw","attributes":{"a":{"name":"Kolor","value":"zielony"}}}})",
        "products", &notes);
    ASSERT_TRUE(r.ok()) << r.status().text();
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ((*r)[0].name, "Kubek");
    EXPECT_EQ((*r)[1].name, "Żółw");
    ASSERT_EQ((*r)[1].attributes.size(), 1u);
    EXPECT_EQ((*r)[1].attributes[0].value, "zielony");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "products: a JSON object; its 2 values were read in the order written");
}

TEST(OrderLinesInput, StructuralProblemsNameTheLine) {
    EXPECT_EQ(parse_error("{\"name\":\"x\"}"), "products: line 1 is not an object");
    EXPECT_EQ(parse_error("\"x\""), "products: expected a JSON array (or an object of entries)");
    EXPECT_EQ(parse_error("[{},1]"), "products: line 2 is not an object");
    EXPECT_EQ(parse_error("[{},[]]"), "products: line 2 is not an object");
    EXPECT_EQ(parse_error(R"([{"price":["1"]}])"), "products: line 1 price is not a scalar");
    EXPECT_EQ(parse_error(R"([{},{"attributes":[{"name":{}}]}])"),
              "products: line 2 attributes name is not a scalar");
    EXPECT_EQ(parse_error(R"([{"attributes":["Kolor"]}])"),
              "products: line 1 attributes: expected objects");
    EXPECT_EQ(parse_error("[{\"name\":\"x\""), "products: malformed JSON");
    EXPECT_EQ(parse_error("[{}] x"), "products: malformed JSON");
    EXPECT_EQ(parse_error(""), "products: malformed JSON");
}

TEST(OrderLinesInput, InvalidUtf8InStringsIsRejected) {
    EXPECT_EQ(parse_error(R"([{"name":"\udc00"}])"),
              "products: not valid UTF-8 (a \\u escape names a lone surrogate)");
    EXPECT_EQ(parse_error(R"([{"name":"\ud800\u0041"}])"),
              "products: not valid UTF-8 (a \\u escape names a lone surrogate)");
    // Boost.JSON reports a high surrogate at the end of a string as a plain syntax error.
    EXPECT_EQ(parse_error(R"([{"name":"\ud800"}])"), "products: malformed JSON");
    EXPECT_EQ(parse_error("[{\"name\":\"\xC3\x28\"}]"), "products: malformed JSON");
}

TEST(OrderLinesInput, LimitsOnLinesAndDepth) {
    EXPECT_EQ(parse_ok(lines(wire::kMaxOrderLines)).size(), wire::kMaxOrderLines);
    EXPECT_EQ(parse_error(lines(wire::kMaxOrderLines + 1)), "products: more than 10000 lines");
    std::string deep = "[{\"x\":" + std::string(40, '[') + std::string(40, ']') + "}]";
    EXPECT_EQ(parse_error(deep), "products: nested deeper than 32 levels");
}

TEST(OrderLinesInput, EmptyArrayIsNoLines) {
    EXPECT_TRUE(parse_ok("[]").empty());
}
