// The storefront order file (docs/orders.md): what staff write is what the store receives, and a
// mistake names its field and order line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "records/OrderFile.h"
#include "support/Must.h"

namespace {

std::string example_file() {
    std::ifstream in(std::string(BLCONNECT_SOURCE_DIR) + "/examples/order-example.json");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The message of a refused order file (a whole sentence: "line 2: price: ...").
std::string file_error(const std::string& json) {
    auto order = records::parse_order_file(json);
    return order ? "(no error)" : order.status().message();
}

// A minimal valid order with `line` as its only line.
std::string with_line(const std::string& line) {
    return R"({"lines":[)" + line + "]}";
}

TEST(OrderFile, ExampleFileParsesCompletely) {
    auto order = must(records::parse_order_file(example_file()));
    EXPECT_EQ(order.origin, store::OrderOrigin::Shop);
    EXPECT_TRUE(order.take_stock);
    EXPECT_FALSE(order.baselinker_id.has_value());
    EXPECT_EQ(order.email, "anna.kowalska@example.pl");
    EXPECT_EQ(order.client_login, "anna.k");
    // No "delivery" block: the buyer's address is the delivery address.
    EXPECT_EQ(order.delivery.fullname, "Anna Kowalska");
    EXPECT_EQ(order.delivery.city, "Kraków");
    EXPECT_EQ(order.delivery.country_code, "PL");
    EXPECT_EQ(order.invoice.company, "Pracownia Ceramiki Źródło sp. z o.o.");
    EXPECT_EQ(order.invoice_nip, "6762461659");
    EXPECT_TRUE(order.want_invoice);
    EXPECT_EQ(order.point.id, "KRA01M");
    EXPECT_EQ(order.delivery_method_id, 1);
    EXPECT_EQ(order.delivery_price.format(), "12.99");
    EXPECT_EQ(order.payment_method_id, 3);
    EXPECT_TRUE(order.paid);
    EXPECT_EQ(order.status_id, 1);
    EXPECT_EQ(order.user_comments, "Proszę o staranne zapakowanie — to prezent.");
    ASSERT_EQ(order.lines.size(), 3u);
    EXPECT_EQ(order.lines[0].product_id, 1);
    EXPECT_EQ(order.lines[0].quantity, 2);
    EXPECT_EQ(order.lines[0].unit_price.format(), "12.50");
    EXPECT_EQ(order.lines[1].sku, "KOSZ-1-XL");
    EXPECT_FALSE(order.lines[1].product_id.has_value());
    EXPECT_EQ(order.lines[1].unit_price.format(), "54.99");  // a JSON number, read exactly
    ASSERT_EQ(order.lines[1].attributes.size(), 1u);
    EXPECT_EQ(order.lines[1].attributes[0].value, "na prezent");
    EXPECT_EQ(order.lines[1].attributes[0].price.format(), "5.00");
    EXPECT_EQ(order.lines[2].unit_price.format(), "-10.00");  // a discount line
    EXPECT_EQ(order.lines[2].tax_rate_bp, 2300);
}

TEST(OrderFile, DefaultsForAMinimalOrder) {
    auto order = must(
        records::parse_order_file(with_line(R"({"name":"Kubek","price":"9.99","quantity":1})")));
    EXPECT_EQ(order.currency, "PLN");
    EXPECT_FALSE(order.paid);
    EXPECT_FALSE(order.status_id.has_value());  // the shop's first status, chosen by the command
    EXPECT_EQ(order.date_add, 0);               // now
    EXPECT_EQ(order.delivery_price.minor(), 0);
    EXPECT_EQ(order.lines[0].variant_id, 0);
    EXPECT_EQ(order.lines[0].tax_rate_bp, 2300);
}

TEST(OrderFile, NumericPricesAndTaxAreExact) {
    auto order = must(records::parse_order_file(
        R"({"delivery_method":{"price":0.1},"currency":"eur","lines":[
            {"name":"A","price":19.99,"quantity":3,"tax":5.5},
            {"name":"B","price":1000000,"quantity":"2","tax":"8"},
            {"name":"C","price":"0.07","quantity":1,"tax":0,"product_id":"12","variant_id":"4"}]})"));
    EXPECT_EQ(order.delivery_price.minor(), 10);
    EXPECT_EQ(order.currency, "EUR");
    EXPECT_EQ(order.lines[0].unit_price.minor(), 1999);
    EXPECT_EQ(order.lines[0].tax_rate_bp, 550);
    EXPECT_EQ(order.lines[1].unit_price.minor(), 100000000);
    EXPECT_EQ(order.lines[1].quantity, 2);
    EXPECT_EQ(order.lines[2].unit_price.minor(), 7);
    EXPECT_EQ(order.lines[2].product_id, 12);
    EXPECT_EQ(order.lines[2].variant_id, 4);
}

TEST(OrderFile, NumbersAreReadAsWrittenNeverThroughADouble) {
    // Through a double, 12.3400000000000000001 became 12.34 and 1e2 became 100: both are refused.
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":12.3400000000000000001,"quantity":1})")),
              "line 1: price: not a price with at most 2 decimals");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":1e2,"quantity":1})")),
              "line 1: price: not a plain decimal number");
    auto order = must(records::parse_order_file(
        with_line(R"({"name":"A","price":12.50,"quantity":1,"product_id":9007199254740993})")));
    EXPECT_EQ(order.lines[0].unit_price.format(), "12.50");
    EXPECT_EQ(order.lines[0].product_id, 9007199254740993);
}

TEST(OrderFile, AStatusNamesTheFieldAsAPathForProgramsAndTheSentenceForPeople) {
    std::string good = R"({"name":"A","price":"1","quantity":1})";
    auto bad = records::parse_order_file(R"({"lines":[)" + good +
                                         R"(,{"name":"B","price":1.005,"quantity":1}]})");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), core::Code::InvalidField);
    EXPECT_EQ(bad.status().field(), "lines[2].price");
    EXPECT_EQ(bad.status().message(), "line 2: price: not a price with at most 2 decimals");
    auto broken = records::parse_order_file("{\"lines\": [");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.status().code(), core::Code::Malformed);
    EXPECT_EQ(broken.status().field(), "");
}

TEST(OrderFile, LineErrorsNameTheLineAndTheField) {
    std::string good = R"({"name":"A","price":"1","quantity":1})";
    EXPECT_EQ(file_error(R"({"lines":[)" + good + R"(,{"name":"B","price":1.005,"quantity":1}]})"),
              "line 2: price: not a price with at most 2 decimals");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"12,50","quantity":1})")),
              "line 1: price: not a price with at most 2 decimals");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":0})")),
              "line 1: quantity: must be 1 to 1000000");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":-2})")),
              "line 1: quantity: must be 1 to 1000000");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":1.5})")),
              "line 1: quantity: expected an integer");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1"})")),
              "line 1: quantity: is required");
    EXPECT_EQ(file_error(with_line(R"({"price":"1","quantity":1})")), "line 1: name: is required");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","quantity":1})")), "line 1: price: is required");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":1,"qty":2})")),
              "line 1: qty: unknown key");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":1,"tax":"23%"})")),
              "line 1: tax: expected a VAT rate in percent, e.g. 23 or 5.5");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":1,"product_id":"x"})")),
              "line 1: product_id: expected an integer");
    EXPECT_EQ(file_error(with_line(R"({"name":"A","price":"1","quantity":1,
                                       "attributes":[{"name":"K","value":"V","price":"x"}]})")),
              "line 1: attributes[1].price: not a price with at most 2 decimals");
    EXPECT_EQ(file_error(R"({"lines":[7]})"), "line 1: expected an object");
}

TEST(OrderFile, OrderErrorsNameTheField) {
    std::string lines = R"("lines":[{"name":"A","price":"1","quantity":1}])";
    EXPECT_EQ(file_error(R"({"delivery_method":{"price":"-1"},)" + lines + "}"),
              "delivery_method.price: must not be negative");
    EXPECT_EQ(file_error(R"({"delivery":{"country_code":"POL"},)" + lines + "}"),
              "delivery.country_code: expected 2 letters (ISO code)");
    EXPECT_EQ(file_error(R"({"buyer":{"fulname":"X"},)" + lines + "}"),
              "buyer.fulname: unknown key");
    EXPECT_EQ(file_error(R"({"paid":"yes",)" + lines + "}"), "paid: expected true or false");
    EXPECT_EQ(file_error(R"({"currency":"złoty",)" + lines + "}"),
              "currency: expected 3 letters (ISO code)");
    EXPECT_EQ(file_error(R"({"status_id":0,)" + lines + "}"), "status_id: must be a status id");
    EXPECT_EQ(file_error(R"({"lines":[]})"), "lines: at least one line is required");
    EXPECT_EQ(file_error(R"({"email":"a@b.pl"})"), "lines: at least one line is required");
    EXPECT_EQ(file_error(R"({"lines":{}})"), "lines: expected an array");
}

TEST(OrderFile, HugeTotalsAreRefusedNotWrapped) {
    EXPECT_EQ(
        file_error(with_line(R"({"name":"A","price":"999999999999999.99","quantity":1000000})")),
        "lines: the order total is too large");
}

TEST(OrderFile, TooManyLinesAreRefused) {
    std::string lines;
    for (std::size_t i = 0; i <= records::kMaxOrderFileLines; ++i) {
        lines += std::string(lines.empty() ? "" : ",") + R"({"name":"A","price":"1","quantity":1})";
    }
    EXPECT_EQ(file_error(R"({"lines":[)" + lines + "]}"), "lines: at most 1000 lines");
}

TEST(OrderFile, SyntaxErrorsNameTheLineOfTheFile) {
    EXPECT_EQ(file_error("{\n  \"email\": \"a@b.pl\",\n  \"lines\": [,]\n}"),
              "not valid JSON at line 3, column 13: syntax error");
    EXPECT_NE(file_error("{\"lines\": [").find("not valid JSON"), std::string::npos);
    EXPECT_NE(file_error("[1]").find("expected an object"), std::string::npos);
    // Invalid UTF-8 inside a string is refused by the parser, never stored.
    EXPECT_NE(file_error("{\"email\":\"\xff\xfe\",\"lines\":[]}").find("not valid JSON"),
              std::string::npos);
}

}  // namespace
