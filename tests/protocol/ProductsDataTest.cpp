// ProductsData: every key and its type, order, unknown ids, only_images, fields, the id limit.
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

namespace json = boost::json;
using ConnectorProductsData = ConnectorTest;

TEST_F(ConnectorProductsData, AllKeysWithTheirTypes) {
    const auto id = std::to_string(product_id("KUB-1"));
    auto response = call("ProductsData", {{"products_id", id}});
    auto value = parse(response);
    const auto& p = value.at(id).as_object();
    std::vector<std::string> keys;
    for (const auto& [key, v] : p) keys.emplace_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"name",
                                              "sku",
                                              "ean",
                                              "model",
                                              "quantity",
                                              "price",
                                              "currency",
                                              "tax",
                                              "weight",
                                              "height",
                                              "width",
                                              "length",
                                              "description",
                                              "description_extra1",
                                              "description_extra2",
                                              "description_extra3",
                                              "description_extra4",
                                              "man_name",
                                              "man_image",
                                              "category_id",
                                              "category_name",
                                              "location",
                                              "url",
                                              "images",
                                              "features",
                                              "variants"}));
    EXPECT_EQ(p.at("name"), json::value("Kubek ceramiczny"));
    EXPECT_EQ(p.at("sku"), json::value("KUB-1"));
    EXPECT_EQ(p.at("ean"), json::value("5901234123457"));
    EXPECT_EQ(p.at("model"), json::value("K1"));
    EXPECT_EQ(p.at("quantity"), json::value(7));
    EXPECT_EQ(p.at("currency"), json::value("PLN"));
    EXPECT_EQ(p.at("weight").to_number<double>(), 0.35);
    EXPECT_EQ(p.at("width").to_number<double>(), 8.5);
    EXPECT_EQ(p.at("description"), json::value("<p>Kubek \"330 ml\"</p>"));
    EXPECT_EQ(p.at("description_extra1"), json::value("Krótki opis"));
    EXPECT_EQ(p.at("description_extra4"), json::value("e4"));
    EXPECT_EQ(p.at("man_name"), json::value("Ceramika Bolesławiec"));
    EXPECT_EQ(p.at("man_image"), json::value("https://shop.example.pl/img/m/ceramika.png"));
    EXPECT_TRUE(p.at("category_id").is_string());
    EXPECT_EQ(p.at("category_name"), json::value("Dom/Kuchnia/Kubki"));
    EXPECT_EQ(p.at("location"), json::value("A-01"));
    EXPECT_EQ(p.at("url"), json::value("https://shop.example.pl/kubek-ceramiczny"));
    EXPECT_EQ(p.at("images"), json::parse(R"(["https://shop.example.pl/img/p/kubek-1.jpg",
                                                "https://cdn.example.com/kubek-2.jpg"])"));
    // Several values of one feature are joined with '|', in order of first appearance.
    EXPECT_EQ(p.at("features"),
              json::parse(R"([["Kolor","biały|niebieski"],["Materiał","ceramika"]])"));
    // Raw bytes where the format matters.
    EXPECT_NE(response.body.find(R"("quantity":7,"price":12.50,"currency":"PLN","tax":23,)"),
              std::string::npos)
        << response.body;
    EXPECT_NE(response.body.find(R"("variants":[])"), std::string::npos);

    // The category id is one that ProductsCategories lists with the same path.
    auto categories = parse(call("ProductsCategories"));
    EXPECT_EQ(categories.at(std::string(p.at("category_id").as_string())),
              json::value("Dom/Kuchnia/Kubki"));
}

TEST_F(ConnectorProductsData, VariantsAndDecimalTax) {
    const auto id = std::to_string(product_id("ZOLW"));
    const auto small = std::to_string(variant_id("ZOLW", "ZOLW-S"));
    const auto large = std::to_string(variant_id("ZOLW", "ZOLW-L"));
    auto response = call("ProductsData", {{"products_id", id}});
    auto value = parse(response);
    const auto& p = value.at(id);
    EXPECT_EQ(p.at("quantity"), json::value(8));  // sum of the variants
    EXPECT_NE(response.body.find(R"("price":39.90,"currency":"PLN","tax":5.5,)"), std::string::npos)
        << response.body;
    EXPECT_EQ(p.at("man_name"), json::value(""));
    EXPECT_EQ(p.at("man_image"), json::value(""));
    EXPECT_EQ(p.at("images"), json::parse(R"(["https://shop.example.pl/img/zolw.jpg"])"));
    const auto& variants = p.at("variants").as_object();
    ASSERT_EQ(variants.size(), 2u);
    const auto& s = variants.at(small);
    EXPECT_EQ(s.at("full_name"), json::value("Żółw pluszowy Mały"));
    EXPECT_EQ(s.at("name"), json::value("Mały"));
    EXPECT_EQ(s.at("quantity"), json::value(3));
    EXPECT_EQ(s.at("sku"), json::value("ZOLW-S"));
    EXPECT_EQ(s.at("ean"), json::value("5900000000011"));
    EXPECT_EQ(s.at("images"), json::array());
    EXPECT_EQ(s.at("features"), json::array());
    const auto& l = variants.at(large);
    EXPECT_EQ(l.at("images"), json::parse(R"(["https://shop.example.pl/img/zolw-l.jpg"])"));
    EXPECT_EQ(l.at("features"), json::parse(R"([["Rozmiar","L"]])"));
    EXPECT_NE(
        response.body.find(
            "\"" + small +
            R"(":{"full_name":"Żółw pluszowy Mały","name":"Mały","price":39.00,"quantity":3,)"),
        std::string::npos)
        << response.body;
}

TEST_F(ConnectorProductsData, OrderAsRequestedUnknownIdsAbsent) {
    const auto noz = std::to_string(product_id("NOZ"));
    const auto kubek = std::to_string(product_id("KUB-1"));
    auto value = parse(call("ProductsData", {{"products_id", noz + ",999999," + kubek}}));
    std::vector<std::string> keys;
    for (const auto& [key, v] : value.as_object()) keys.emplace_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{noz, kubek}));
    // A product without a category reports "" for both category keys.
    EXPECT_EQ(value.at(noz).at("category_id"), json::value(""));
    EXPECT_EQ(value.at(noz).at("category_name"), json::value(""));
}

TEST_F(ConnectorProductsData, NothingFoundIsEmptyArray) {
    EXPECT_EQ(call("ProductsData", {{"products_id", "999998,999999"}}).body, "[]");
    EXPECT_EQ(call("ProductsData", {{"products_id", ""}}).body, "[]");
}

TEST_F(ConnectorProductsData, OnlyImages) {
    const auto kubek = std::to_string(product_id("KUB-1"));
    const auto noz = std::to_string(product_id("NOZ"));
    auto response =
        call("ProductsData", {{"products_id", kubek + "," + noz}, {"only_images", "1"}});
    EXPECT_EQ(response.body, "{\"" + kubek +
                                 R"(":{"images":["https://shop.example.pl/img/p/kubek-1.jpg",)"
                                 R"("https://cdn.example.com/kubek-2.jpg"]},")" +
                                 noz + R"(":{"images":[]}})");
}

TEST_F(ConnectorProductsData, FieldsSelectsTopLevelKeys) {
    const auto zolw = std::to_string(product_id("ZOLW"));
    auto response =
        call("ProductsData", {{"products_id", zolw}, {"fields", "quantity, price,nonsense"}});
    EXPECT_EQ(response.body, "{\"" + zolw + R"(":{"quantity":8,"price":39.90}})");
}

TEST_F(ConnectorProductsData, TooManyIdsIsInvalidParameter) {
    std::string ids;
    for (int i = 1; i <= 1001; ++i) ids += std::to_string(i) + ",";
    auto response = call("ProductsData", {{"products_id", ids}});
    expect_error(response, "invalid_parameter");
    EXPECT_NE(response.body.find("products_id: "), std::string::npos);
    ids.resize(ids.rfind(',', ids.size() - 2));  // 1000 ids are fine
    auto ok = parse(call("ProductsData", {{"products_id", ids}}));
    EXPECT_EQ(ok.as_object().size(), 5u);
}

TEST_F(ConnectorProductsData, NonIntegerIdIsInvalidParameter) {
    auto response = call("ProductsData", {{"products_id", "1,abc"}});
    expect_error(response, "invalid_parameter");
    EXPECT_NE(response.body.find("products_id"), std::string::npos);
}

}  // namespace
}  // namespace connector_test
