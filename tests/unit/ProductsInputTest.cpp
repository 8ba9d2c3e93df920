#include "wire/ProductsInput.h"

#include <gtest/gtest.h>

using wire::parse_products_field;
using wire::RawEntry;

namespace {

std::vector<RawEntry> parse_ok(std::string_view json) {
    auto r = parse_products_field(json);
    EXPECT_TRUE(r.ok()) << json << " -> " << (r.ok() ? "" : r.status().text());
    return r.ok() ? r.value() : std::vector<RawEntry>{};
}

std::string parse_error(std::string_view json) {
    auto r = parse_products_field(json);
    EXPECT_FALSE(r.ok()) << json;
    if (r.ok()) return "<ok>";
    EXPECT_EQ(r.status().code(), core::Code::InvalidField);
    return r.status().text();
}

}  // namespace

TEST(ProductsInput, StringsAndNumbersGiveTheSameText) {
    auto as_strings = parse_ok(
        R"([{"product_id":"12","variant_id":"0","operation":"set","quantity":"3","price":"16.80"}])");
    auto as_numbers = parse_ok(
        R"([{"product_id":12,"variant_id":0,"operation":"set","quantity":3,"price":16.80}])");
    ASSERT_EQ(as_strings.size(), 1u);
    ASSERT_EQ(as_numbers.size(), 1u);
    for (const auto& e : {as_strings[0], as_numbers[0]}) {
        EXPECT_EQ(e.product_id, "12");
        EXPECT_EQ(e.variant_id, "0");
        EXPECT_EQ(e.operation, "set");
        EXPECT_EQ(e.quantity, "3");
        EXPECT_EQ(e.price, "16.80");
    }
}

TEST(ProductsInput, NumbersKeepTheirExactSourceText) {
    // 16.8 has no exact double; the text must not be "16.800000000000001" or "1.68E1".
    auto e = parse_ok(R"([{"price":16.8},{"price":0.1},{"price":-5},{"price":1e2}])");
    ASSERT_EQ(e.size(), 4u);
    EXPECT_EQ(e[0].price, "16.8");
    EXPECT_EQ(e[1].price, "0.1");
    EXPECT_EQ(e[2].price, "-5");
    EXPECT_EQ(e[3].price, "1e2");  // kept verbatim; Money::parse rejects it later
}

TEST(ProductsInput, HugeNumbersAreKeptAsText) {
    auto e = parse_ok(
        R"([{"product_id":123456789012345678901234567890,"quantity":18446744073709551615,
             "price":99999999999999999999.99}])");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].product_id, "123456789012345678901234567890");
    EXPECT_EQ(e[0].quantity, "18446744073709551615");
    EXPECT_EQ(e[0].price, "99999999999999999999.99");
}

TEST(ProductsInput, MissingAndNullFieldsAreEmpty) {
    auto e = parse_ok(R"([{"product_id":"5","variant_id":null}, {}])");
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].variant_id, "");
    EXPECT_EQ(e[0].operation, "");
    EXPECT_EQ(e[1].product_id, "");
}

TEST(ProductsInput, UnknownFieldsMayHoldAnything) {
    auto e = parse_ok(
        R"([{"attributes":[{"name":"Kolor","value":["a",{"b":1}]}],"product_id":"7","x":{"y":[]}}])");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].product_id, "7");
}

TEST(ProductsInput, RepeatedKeyKeepsTheLastValue) {
    auto e = parse_ok(R"([{"quantity":"1","quantity":"2"}])");
    EXPECT_EQ(e.at(0).quantity, "2");
}

TEST(ProductsInput, BooleansAndEscapedStringsBecomeText) {
    auto e = parse_ok(R"([{"operation":"ch\u0061nge","quantity":true}])");
    EXPECT_EQ(e.at(0).operation, "change");
    EXPECT_EQ(e.at(0).quantity, "true");
}

TEST(ProductsInput, EmptyArrayIsFine) {
    EXPECT_TRUE(parse_ok(" [ ] ").empty());
}

TEST(ProductsInput, NotJsonIsAnError) {
    EXPECT_EQ(parse_error(""), "products: malformed JSON");
    EXPECT_EQ(parse_error("[{"), "products: malformed JSON");
    EXPECT_EQ(parse_error("[{\"a\":1},]"), "products: malformed JSON");
    EXPECT_EQ(parse_error("[] []"), "products: malformed JSON");
    EXPECT_EQ(parse_error("[{\"price\":16.8.1}]"), "products: malformed JSON");
    EXPECT_EQ(parse_error("[{\"name\":\"\xFF\"}]"), "products: malformed JSON");
}

TEST(ProductsInput, NeitherArrayNorObjectIsAnError) {
    const std::string expected = "products: expected a JSON array (or an object of entries)";
    EXPECT_EQ(parse_error("12"), expected);
    EXPECT_EQ(parse_error("\"[]\""), expected);
    EXPECT_EQ(parse_error("null"), expected);
    // One entry sent bare is not an object of entries: its values are not objects.
    EXPECT_EQ(parse_error(R"({"product_id":1})"), "products: element 0 is not an object");
}

TEST(ProductsInput, AnObjectOfEntriesIsReadInTheOrderWritten) {
    // PHP's json_encode of a list with gaps (array_filter, unset) is an object.
    wire::Notes notes;
    auto r = parse_products_field(
        R"({"3":{"product_id":"12","quantity":"5"},"0":{"product_id":7,"quantity":1}})", "products",
        &notes);
    ASSERT_TRUE(r.ok()) << r.status().text();
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ((*r)[0].product_id, "12");
    EXPECT_EQ((*r)[0].quantity, "5");
    EXPECT_EQ((*r)[1].product_id, "7");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "products: a JSON object; its 2 values were read in the order written");
    EXPECT_TRUE(parse_ok("{}").empty());

    // A repeated key keeps its first place and its last value, as PHP's json_decode does.
    auto repeated = parse_ok(R"({"a":{"product_id":1},"b":{"product_id":2},"a":{"product_id":3}})");
    ASSERT_EQ(repeated.size(), 2u);
    EXPECT_EQ(repeated[0].product_id, "3");
    EXPECT_EQ(repeated[1].product_id, "2");

    wire::Notes none;
    ASSERT_TRUE(parse_products_field(R"([{"product_id":1}])", "products", &none).ok());
    EXPECT_TRUE(none.empty());  // an array is what the protocol says: nothing to note
}

TEST(ProductsInput, ElementsMustBeObjects) {
    EXPECT_EQ(parse_error(R"([{"product_id":1}, 5])"), "products: element 1 is not an object");
    EXPECT_EQ(parse_error(R"([[1]])"), "products: element 0 is not an object");
    EXPECT_EQ(parse_error(R"(["x"])"), "products: element 0 is not an object");
}

TEST(ProductsInput, KnownFieldsMustBeScalars) {
    EXPECT_EQ(parse_error(R"([{"product_id":[1]}])"),
              "products: element 0: product_id is not a scalar");
    EXPECT_EQ(parse_error(R"([{},{"price":{"amount":1}}])"),
              "products: element 1: price is not a scalar");
}

TEST(ProductsInput, DeepNestingIsRejected) {
    std::string deep = "[{\"x\":" + std::string(100, '[') + std::string(100, ']') + "}]";
    EXPECT_EQ(parse_error(deep), "products: nested deeper than 32 levels");
    std::string very_deep = "[{\"x\":" + std::string(100000, '[');
    EXPECT_EQ(parse_error(very_deep), "products: nested deeper than 32 levels");
}

TEST(ProductsInput, TooManyEntriesAreRejected) {
    std::string json = "[";
    for (int i = 0; i < 100001; ++i) json += i ? ",{}" : "{}";
    json += "]";
    EXPECT_EQ(parse_error(json), "products: more than 100000 entries");
}

TEST(ProductsInput, ErrorNamesTheGivenField) {
    auto r = parse_products_field("nope", "images");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().text(), "images: malformed JSON");
}
