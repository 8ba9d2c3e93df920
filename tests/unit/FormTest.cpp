#include "wire/Form.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

using wire::bracket_field_as_json;
using wire::decode_form;
using wire::decode_multipart;
using wire::decode_urlencoded;
using wire::Form;

namespace {

Form urlencoded(std::string_view body) {
    auto form = decode_urlencoded(body);
    EXPECT_TRUE(form.ok()) << form.status().text();
    return form ? *form : Form{};
}

std::string field(const Form& form, std::string_view key) {
    const std::string* v = form.find(key);
    return v ? *v : "<absent>";
}

}  // namespace

TEST(FormUrlencoded, DecodesPercentEscapesAndPlus) {
    Form form = urlencoded(
        "bl_pass=abc%2B%2F%3D&action=ProductsList&filter_name=%C5%BC%C3%B3%C5%82w+ogrodowy");
    EXPECT_EQ(field(form, "bl_pass"), "abc+/=");
    EXPECT_EQ(field(form, "action"), "ProductsList");
    EXPECT_EQ(field(form, "filter_name"), "żółw ogrodowy");
}

TEST(FormUrlencoded, LowercaseHexAndEncodedKeys) {
    Form form = urlencoded("a%5fb=%c5%bc");
    EXPECT_EQ(field(form, "a_b"), "ż");
}

TEST(FormUrlencoded, RepeatedKeyKeepsTheLastValue) {
    Form form = urlencoded("action=FileVersion&page=1&page=3");
    EXPECT_EQ(field(form, "page"), "3");
}

TEST(FormUrlencoded, EmptyBodyAndEmptyPairsGiveNoFields) {
    EXPECT_TRUE(urlencoded("").fields.empty());
    EXPECT_TRUE(urlencoded("&&&").fields.empty());
    EXPECT_TRUE(urlencoded("=orphan").fields.empty());
}

TEST(FormUrlencoded, KeyWithoutValueIsPresentAndEmpty) {
    Form form = urlencoded("previous_order_id&x=");
    EXPECT_EQ(field(form, "previous_order_id"), "");
    EXPECT_EQ(field(form, "x"), "");
    EXPECT_EQ(form.find("missing"), nullptr);
}

TEST(FormUrlencoded, ValueMayContainEqualsSignsAndSpacesSurvive) {
    Form form = urlencoded("a=b=c&t=+x+");
    EXPECT_EQ(field(form, "a"), "b=c");
    EXPECT_EQ(field(form, "t"), " x ");
}

TEST(FormUrlencoded, MalformedEscapesAreAnError) {
    for (std::string_view bad : {"a=%G1", "a=%4", "a=%", "a=1&b=%zz", "%=1", "a=%%41"}) {
        auto form = decode_urlencoded(bad);
        ASSERT_FALSE(form.ok()) << bad;
        EXPECT_EQ(form.status().code(), core::Code::Malformed) << bad;
        EXPECT_EQ(form.status().message(), "malformed percent-encoding") << bad;
    }
}

// The connector reads a body as PHP's urldecode would: a '%' that starts no escape stays.
TEST(FormUrlencoded, MalformedEscapesCanBeKeptLiterallyAsPhpDoes) {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"a=%G1", "%G1"}, {"a=%4", "%4"},           {"a=%", "%"},
        {"a=%%41", "%A"}, {"a=50%+off", "50% off"}, {"a=%zz%41", "%zzA"},
    };
    for (const auto& [body, value] : cases) {
        auto form = decode_urlencoded(body, wire::BadEscape::KeepLiterally);
        ASSERT_TRUE(form.ok()) << body;
        EXPECT_EQ(field(*form, "a"), value) << body;
    }
    auto key = decode_urlencoded("%=1", wire::BadEscape::KeepLiterally);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(field(*key, "%"), "1");
}

TEST(FormUrlencoded, DecodedBytesAreKeptEvenWhenNotUtf8) {
    // Validation is the endpoint's job (it names the field); decoding must not alter bytes.
    Form form = urlencoded("name=%FF%00x");
    EXPECT_EQ(field(form, "name"), std::string("\xFF\0x", 3));
}

TEST(FormMultipart, DecodesSeveralPartsWithCrlf) {
    std::string body =
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"bl_pass\"\r\n"
        "\r\n"
        "secret value\r\n"
        "--XyZ\r\n"
        "content-disposition: form-data; name=\"action\"\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "OrderAdd\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"products\"\r\n"
        "\r\n"
        "[{\"id\":\"1\"}]\r\nsecond line\r\n"
        "--XyZ--\r\n";
    auto form = decode_multipart(body, "multipart/form-data; boundary=XyZ");
    ASSERT_TRUE(form.ok()) << form.status().text();
    EXPECT_EQ(form->fields.size(), 3u);
    EXPECT_EQ(field(*form, "bl_pass"), "secret value");
    EXPECT_EQ(field(*form, "action"), "OrderAdd");
    EXPECT_EQ(field(*form, "products"), "[{\"id\":\"1\"}]\r\nsecond line");
}

TEST(FormMultipart, QuotedBoundaryPreambleAndEmptyValue) {
    std::string body =
        "This is a preamble.\r\n"
        "--a b;c\r\n"
        "Content-Disposition: form-data; name=\"previous_order_id\"\r\n"
        "\r\n"
        "\r\n"
        "--a b;c\r\n"
        "Content-Disposition: form-data; name=\"name\"\r\n"
        "\r\n"
        "Żółw\r\n"
        "--a b;c--";
    auto form = decode_form(body, "Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\"");
    ASSERT_TRUE(form.ok()) << form.status().text();
    EXPECT_EQ(field(*form, "previous_order_id"), "");
    EXPECT_EQ(field(*form, "name"), "Żółw");
}

TEST(FormMultipart, BareLineFeedsAreTolerated) {
    std::string body = "--b\nContent-Disposition: form-data; name=a\n\n1\n--b--\n";
    auto form = decode_multipart(body, "multipart/form-data; boundary=b");
    ASSERT_TRUE(form.ok());
    EXPECT_EQ(field(*form, "a"), "1");
}

TEST(FormMultipart, BoundaryTextInsideContentDoesNotSplitAPart) {
    std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx--b y\r\n--bb\r\n--b--\r\n";
    auto form = decode_multipart(body, "multipart/form-data; boundary=b");
    ASSERT_TRUE(form.ok());
    EXPECT_EQ(field(*form, "a"), "x--b y\r\n--bb");
}

TEST(FormMultipart, FileUploadsAreNotFields) {
    std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n\r\ndata\r\n"
        "--b\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nFileVersion\r\n--b--";
    auto form = decode_multipart(body, "multipart/form-data; boundary=b");
    ASSERT_TRUE(form.ok());
    EXPECT_EQ(form->find("f"), nullptr);
    EXPECT_EQ(field(*form, "action"), "FileVersion");
}

TEST(FormMultipart, RepeatedNameKeepsTheLastValue) {
    std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"page\"\r\n\r\n1\r\n"
        "--b\r\nContent-Disposition: form-data; name=\"page\"\r\n\r\n2\r\n--b--";
    auto form = decode_multipart(body, "multipart/form-data; boundary=b");
    ASSERT_TRUE(form.ok());
    EXPECT_EQ(field(*form, "page"), "2");
}

TEST(FormMultipart, StructuralErrorsAreReported) {
    auto why = [](std::string_view body, std::string_view content_type) {
        auto form = decode_multipart(body, content_type);
        if (form.ok()) return std::string("<decoded>");
        EXPECT_EQ(form.status().code(), core::Code::Malformed);
        return form.status().message();
    };
    EXPECT_EQ(why("--b--", "multipart/form-data"),
              "multipart content type without a usable boundary");
    EXPECT_EQ(why("no delimiter", "multipart/form-data; boundary=b"),
              "multipart body without its boundary");
    std::string truncated = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1";
    EXPECT_EQ(why(truncated, "multipart/form-data; boundary=b"),
              "multipart body is truncated (no closing boundary)");
    std::string nameless = "--b\r\nContent-Type: text/plain\r\n\r\n1\r\n--b--";
    EXPECT_EQ(why(nameless, "multipart/form-data; boundary=b"),
              "multipart part without a field name");
}

TEST(FormMultipart, EmptyMultipartHasNoFields) {
    auto form = decode_multipart("--b--\r\n", "multipart/form-data; boundary=b");
    ASSERT_TRUE(form.ok());
    EXPECT_TRUE(form->fields.empty());
}

TEST(DecodeForm, UnknownOrMissingContentTypeMeansUrlencoded) {
    auto a = decode_form("action=FileVersion", "");
    auto b = decode_form("action=FileVersion", "text/plain");
    auto c = decode_form("action=FileVersion", "application/x-www-form-urlencoded; charset=UTF-8");
    for (const auto& form : {a, b, c}) {
        ASSERT_TRUE(form.ok());
        EXPECT_EQ(field(*form, "action"), "FileVersion");
    }
}

// ---- PHP bracket form ----

namespace {

boost::json::value bracket_json(std::string_view body) {
    Form form = urlencoded(body);
    auto json = bracket_field_as_json(form, "products");
    EXPECT_TRUE(json.has_value()) << body;
    boost::json::error_code ec;
    auto value = boost::json::parse(json.value_or("null"), ec);
    EXPECT_FALSE(ec) << *json;
    return value;
}

}  // namespace

TEST(BracketForm, BuildsAnArrayOfObjectsWithStringScalars) {
    auto v = bracket_json(
        "products%5B0%5D%5Bproduct_id%5D=12&products%5B0%5D%5Bquantity%5D=3"
        "&products[1][product_id]=13&products[1][variant_id]=5&products[1][quantity]=-2"
        "&action=ProductsQuantityUpdate");
    EXPECT_EQ(v, boost::json::parse(R"([{"product_id":"12","quantity":"3"},
                                        {"product_id":"13","quantity":"-2","variant_id":"5"}])"));
}

TEST(BracketForm, IndicesAreOrderedNumericallyNotAsText) {
    std::string body;
    for (int i : {10, 2, 1, 0}) {
        body += "products[" + std::to_string(i) + "][product_id]=" + std::to_string(i) + "&";
    }
    auto v = bracket_json(body);
    ASSERT_TRUE(v.is_array());
    ASSERT_EQ(v.as_array().size(), 4u);
    EXPECT_EQ(v.as_array()[0].at("product_id"), "0");
    EXPECT_EQ(v.as_array()[1].at("product_id"), "1");
    EXPECT_EQ(v.as_array()[2].at("product_id"), "2");
    EXPECT_EQ(v.as_array()[3].at("product_id"), "10");
}

TEST(BracketForm, MissingIndexAppendsANewElementLikePhp) {
    auto v =
        bracket_json("products[][product_id]=1&products[][product_id]=2&products[][price]=9.99");
    EXPECT_EQ(v, boost::json::parse(R"([{"product_id":"1"},{"product_id":"2"},{"price":"9.99"}])"));
}

TEST(BracketForm, MissingIndexContinuesAfterTheHighestExplicitOne) {
    auto v = bracket_json("products[4][product_id]=1&products[][product_id]=2");
    ASSERT_EQ(v.as_array().size(), 2u);
    EXPECT_EQ(v.as_array()[1].at("product_id"), "2");
}

TEST(BracketForm, StringsAreEscapedIntoValidJson) {
    auto v = bracket_json(
        "products[0][name]=%22quoted%22+back%5Cslash%0Anewline%01&products[0][bad]=%FF");
    auto& entry = v.as_array()[0].as_object();
    EXPECT_EQ(entry.at("name"), "\"quoted\" back\\slash\nnewline\x01");
    EXPECT_EQ(entry.at("bad"), "\xEF\xBF\xBD");  // invalid UTF-8 is replaced, JSON stays valid
}

TEST(BracketForm, NestedAttributesBecomeNestedJson) {
    auto v = bracket_json(
        "products[0][id]=1&products[0][attributes][0][name]=Kolor"
        "&products[0][attributes][0][value]=niebieski");
    EXPECT_EQ(v, boost::json::parse(
                     R"([{"id":"1","attributes":[{"name":"Kolor","value":"niebieski"}]}])"));
}

TEST(BracketForm, LastValueWinsForRepeatedKeys) {
    auto v = bracket_json("products[0][quantity]=1&products[0][quantity]=7");
    EXPECT_EQ(v.as_array()[0].at("quantity"), "7");
}

TEST(BracketForm, NulloptWithoutBracketFields) {
    Form form = urlencoded("products=%5B%5D&productsX[0]=1&action=x");
    EXPECT_FALSE(bracket_field_as_json(form, "products").has_value());
}

TEST(BracketForm, MalformedAndOverlyDeepKeysAreIgnored) {
    std::string deep = "products";
    for (int i = 0; i < 40; ++i) deep += "[0]";
    Form form = urlencoded(deep + "=1&products[0=2");
    EXPECT_FALSE(bracket_field_as_json(form, "products").has_value());
}

TEST(BracketForm, ManualFormWithEmptyIndexStillProducesJson) {
    Form form;
    form.fields["products[][product_id]"] = "5";
    auto json = bracket_field_as_json(form, "products");
    ASSERT_TRUE(json.has_value());
    EXPECT_EQ(*json, R"([{"product_id":"5"}])");
}
