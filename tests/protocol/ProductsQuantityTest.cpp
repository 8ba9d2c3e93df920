// ProductsQuantity: key "0" always, variants, pages (shared with ProductsPrices, tested for both
// here), and the stock rule giving the same number in every action.
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

namespace json = boost::json;
using ConnectorStock = ConnectorTest;

TEST_F(ConnectorStock, QuantityHasKeyZeroAndVariants) {
    const auto kubek = std::to_string(product_id("KUB-1"));
    const auto zolw = std::to_string(product_id("ZOLW"));
    const auto small = std::to_string(variant_id("ZOLW", "ZOLW-S"));
    const auto large = std::to_string(variant_id("ZOLW", "ZOLW-L"));
    auto response = call("ProductsQuantity");
    EXPECT_TRUE(response.body.starts_with("{\"" + kubek + R"(":{"0":7},")" + zolw +
                                          R"(":{"0":8,")" + small + R"(":3,")" + large +
                                          R"(":5},)"))
        << response.body;
    EXPECT_TRUE(response.body.ends_with(R"("pages":1})")) << response.body;
    auto value = parse(response);
    EXPECT_EQ(value.as_object().size(), 6u);  // five products + pages
}

TEST_F(ConnectorStock, StockRuleIsTheSameNumberEverywhere) {
    const auto ids = std::vector<std::string>{
        std::to_string(product_id("KUB-1")), std::to_string(product_id("ZOLW")),
        std::to_string(product_id("TALERZ")), std::to_string(product_id("NOZ"))};
    auto list = parse(call("ProductsList"));
    auto quantity = parse(call("ProductsQuantity"));
    auto data = parse(call("ProductsData",
                           {{"products_id", ids[0] + "," + ids[1] + "," + ids[2] + "," + ids[3]}}));
    for (const auto& id : ids) {
        EXPECT_EQ(list.at(id).at("quantity"), quantity.at(id).at("0")) << id;
        EXPECT_EQ(data.at(id).at("quantity"), quantity.at(id).at("0")) << id;
    }
}

class ConnectorStockPaging : public ConnectorTest {
    void configure(protocol::EndpointSettings& s) override { s.connector.page_size_stock = 2; }
};

TEST_F(ConnectorStockPaging, PagesAndPastTheEnd) {
    for (const char* action : {"ProductsQuantity", "ProductsPrices"}) {
        auto first = parse(call(action));
        EXPECT_EQ(first.at("pages"), json::value(3)) << action;
        EXPECT_EQ(first.as_object().size(), 3u) << action;
        auto third = parse(call(action, {{"page", "3"}}));
        EXPECT_EQ(third.as_object().size(), 2u) << action;
        EXPECT_TRUE(third.as_object().contains(std::to_string(product_id("SZT")))) << action;
        EXPECT_EQ(call(action, {{"page", "4"}}).body, "[]") << action;
        EXPECT_EQ(call(action, {{"page", "junk"}}).body, call(action).body) << action;
    }
}

}  // namespace
}  // namespace connector_test
