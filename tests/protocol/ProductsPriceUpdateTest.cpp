// ProductsPriceUpdate: valid prices applied, the rest skipped and journaled, every action reports
// the new price.
#include <gtest/gtest.h>

#include "ProductsUpdateFixture.h"

namespace connector_test {
namespace {

namespace json = boost::json;

TEST_F(ConnectorUpdates, PriceUpdate) {
    const auto small = vid("ZOLW", "ZOLW-S");
    const std::string products =
        "["
        R"({"product_id":")" +
        id("KUB-1") +
        R"(","price":"16.8"},)"
        R"({"product_id":)" +
        id("ZOLW") + R"(,"variant_id":)" + small +
        R"(,"price":41.5},)"
        R"({"product_id":")" +
        id("NOZ") +
        R"(","price":"0"},)"  // not > 0
        R"({"product_id":")" +
        id("NOZ") +
        R"(","price":"12.345"},)"  // 3 decimals
        R"({"product_id":")" +
        id("NOZ") +
        R"(","price":"-1.00"},)"
        R"({"product_id":"999999","price":"1.00"}])";
    EXPECT_EQ(call("ProductsPriceUpdate", {{"products", products}}).body, R"({"counter":2})");
    auto prices = call("ProductsPrices");
    EXPECT_NE(prices.body.find("\"" + id("KUB-1") + R"(":{"0":16.80})"), std::string::npos)
        << prices.body;
    EXPECT_NE(prices.body.find("\"" + small + R"(":41.50)"), std::string::npos) << prices.body;
    EXPECT_NE(prices.body.find("\"" + id("NOZ") + R"(":{"0":100.00})"), std::string::npos);
    auto detail = json::parse(last_detail());
    EXPECT_EQ(detail.at("notes").as_array().size(), 4u) << last_detail();
    // The list reports the new price too.
    auto list = call("ProductsList", {{"filter_sku", "KUB-1"}});
    EXPECT_NE(list.body.find(R"("price":16.80)"), std::string::npos) << list.body;
}

}  // namespace
}  // namespace connector_test

namespace connector_test {
namespace {

TEST_F(ConnectorUpdates, APriceTenTimesAboveTheCurrentIsHeldWithTheWholeBatch) {
    const auto before = catalogue_state();
    const std::string products = R"([{"product_id":")" + id("SZT") +
                                 R"(","price":"6.00"},{"product_id":")" + id("NOZ") +
                                 R"(","price":"1000.01"}])";  // 100.00 now: above 10x
    auto response = call("ProductsPriceUpdate", {{"products", products}});
    expect_error(response, "mass_change_held");
    EXPECT_EQ(catalogue_state(), before);  // SZT's modest change is held with the rest
    auto held = store_->held_changes().list(store::HeldState::Held, 10);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held.front().summary,
              "1 of 2 prices would move below 10 % or above 10x of the current price");
}

TEST_F(ConnectorUpdates, APriceAtTenTimesIsApplied) {
    const std::string products = R"([{"product_id":")" + id("NOZ") + R"(","price":"1000.00"}])";
    EXPECT_EQ(call("ProductsPriceUpdate", {{"products", products}}).body, R"({"counter":1})");
}

}  // namespace
}  // namespace connector_test
