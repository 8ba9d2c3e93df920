// The catalogue import file (docs/import.md): parsing (`blconnect import`:
// ServerImportCommandTest).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "records/ImportFile.h"
#include "store/Store.h"
#include "support/Must.h"

namespace {

std::string example_file() {
    std::ifstream in(std::string(BLCONNECT_SOURCE_DIR) + "/examples/import-example.json");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// "field: message" of a refused file; a file that is not the format at all says so.
std::string import_error(const std::string& json) {
    auto batch = records::parse_import_file(json);
    if (batch) return "(no error)";
    const core::Status& status = batch.status();
    const bool malformed = status.code() == core::Code::Malformed;
    return (malformed ? "malformed: " : "") + status.text();
}

TEST(ImportFile, ExampleFileParsesCompletely) {
    auto batch = must(records::parse_import_file(example_file()));
    ASSERT_EQ(batch.categories.size(), 3u);
    EXPECT_EQ(batch.categories[1].parent_external_id, "dom");
    ASSERT_EQ(batch.manufacturers.size(), 2u);
    ASSERT_EQ(batch.products.size(), 2u);
    const auto& mug = batch.products[0];
    EXPECT_EQ(mug.price.format(), "12.50");
    EXPECT_FALSE(mug.promo_price.has_value());
    EXPECT_EQ(mug.tax_rate_bp, 2300);
    EXPECT_DOUBLE_EQ(mug.weight_kg, 0.35);
    EXPECT_EQ(mug.description_extra[0], "Kubek 300 ml");
    EXPECT_EQ(mug.stock, 25);
    EXPECT_EQ(mug.images.size(), 2u);
    EXPECT_EQ(mug.features[0].name, "Materiał");
    const auto& shirt = batch.products[1];
    EXPECT_EQ(shirt.price.format(), "49.99");  // a JSON number, read exactly
    EXPECT_EQ(shirt.promo_price->format(), "39.99");
    ASSERT_EQ(shirt.variants.size(), 2u);
    EXPECT_EQ(shirt.variants[0].price.format(), "49.99");  // no price: the product's
    EXPECT_EQ(shirt.variants[1].price.format(), "54.99");
    EXPECT_EQ(shirt.variants[1].features[0].value, "XL");
}

TEST(ImportFile, NumericPricesAreExact) {
    auto batch = must(records::parse_import_file(
        R"({"products":[{"id":"a","name":"A","price":0.1},{"id":"b","name":"B","price":19.99},
            {"id":"c","name":"C","price":1000000},{"id":"d","name":"D","price":"5.5","tax":5.5}]})"));
    EXPECT_EQ(batch.products[0].price.minor(), 10);
    EXPECT_EQ(batch.products[1].price.minor(), 1999);
    EXPECT_EQ(batch.products[2].price.minor(), 100000000);
    EXPECT_EQ(batch.products[3].price.minor(), 550);
    EXPECT_EQ(batch.products[3].tax_rate_bp, 550);
}

TEST(ImportFile, BadRecordsAreNamedBySectionAndNumber) {
    EXPECT_EQ(import_error(R"({"products":[{"id":"a","name":"A","price":"1"},
                                           {"id":"b","name":"B","price":1.005}]})"),
              "products record 2: price: not a price with at most 2 decimals");
    EXPECT_EQ(import_error(R"({"products":[{"id":"a","name":"A","prcie":"1"}]})"),
              "products record 1: prcie: unknown key");
    EXPECT_EQ(import_error(R"({"categories":[{"id":"x","name":"X"},{"name":"Y"}]})"),
              "categories record 2: id: is required");
    EXPECT_EQ(import_error(R"({"products":[{"id":"a","name":"A","price":"1",
                                            "variants":[{"sku":"v","name":"V","stock":"x"}]}]})"),
              "products record 1: variant 1: stock: expected an integer");
    EXPECT_EQ(import_error(R"({"manufacturers":[{"name":"M","logo":5.5}]})"),
              "manufacturers record 1: logo: expected a string");
}

TEST(ImportFile, WrongShapeIsAPlainError) {
    EXPECT_EQ(import_error("not json"),
              "malformed: import file: not valid JSON at line 1, column 1: syntax error");
    EXPECT_NE(import_error(R"({"product":[]})").find("unknown section \"product\""),
              std::string::npos);
}

}  // namespace
