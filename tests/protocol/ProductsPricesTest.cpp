// ProductsPrices: key "0" always, variants, two decimals (pages: ProductsQuantityTest.cpp).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorStock = ConnectorTest;

TEST_F(ConnectorStock, PricesHaveKeyZeroAndVariantsWithTwoDecimals) {
    const auto kubek = std::to_string(product_id("KUB-1"));
    const auto zolw = std::to_string(product_id("ZOLW"));
    const auto small = std::to_string(variant_id("ZOLW", "ZOLW-S"));
    const auto large = std::to_string(variant_id("ZOLW", "ZOLW-L"));
    auto response = call("ProductsPrices");
    EXPECT_TRUE(response.body.starts_with("{\"" + kubek + R"(":{"0":12.50},")" + zolw +
                                          R"(":{"0":39.90,")" + small + R"(":39.00,")" + large +
                                          R"(":59.00},)"))
        << response.body;
    EXPECT_NE(response.body.find(R"({"0":100.00})"), std::string::npos);
    EXPECT_NE(response.body.find(R"({"0":5.05})"), std::string::npos);
}

}  // namespace
}  // namespace connector_test
