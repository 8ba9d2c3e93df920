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
        R"(","price":"-1.00"},)"
        R"({"product_id":"999999","price":"1.00"}])";
    EXPECT_EQ(call("ProductsPriceUpdate", {{"products", products}}).body, R"({"counter":2})");
    auto prices = call("ProductsPrices");
    EXPECT_NE(prices.body.find("\"" + id("KUB-1") + R"(":{"0":16.80})"), std::string::npos)
        << prices.body;
    EXPECT_NE(prices.body.find("\"" + small + R"(":41.50)"), std::string::npos) << prices.body;
    EXPECT_NE(prices.body.find("\"" + id("NOZ") + R"(":{"0":100.00})"), std::string::npos);
    auto detail = json::parse(last_detail());
    EXPECT_EQ(detail.at("notes").as_array().size(), 3u) << last_detail();
    // The list reports the new price too.
    auto list = call("ProductsList", {{"filter_sku", "KUB-1"}});
    EXPECT_NE(list.body.find(R"("price":16.80)"), std::string::npos) << list.body;
}

// What PHP sends: an object of entries, ids and prices as PHP reads them, more decimals rounded
// to the grosz (half away from zero, as PHP's round()), each noted in the journal.
TEST_F(ConnectorUpdates, PriceUpdateReadsPhpEncodingsAndJournalsThem) {
    const std::string products = R"({"4":{"product_id":")" + id("NOZ") +
                                 R"(.0","price":"12.345"},"9":{"product_id":)" + id("KUB-1") +
                                 R"(,"price":"1e1"}})";
    EXPECT_EQ(call("ProductsPriceUpdate", {{"products", products}}).body, R"({"counter":2})");
    auto prices = call("ProductsPrices");
    EXPECT_NE(prices.body.find("\"" + id("NOZ") + R"(":{"0":12.35})"), std::string::npos)
        << prices.body;
    EXPECT_NE(prices.body.find("\"" + id("KUB-1") + R"(":{"0":10.00})"), std::string::npos)
        << prices.body;
    auto detail = json::parse(last_detail());
    const auto& normalised = detail.at("normalised").as_array();
    ASSERT_EQ(normalised.size(), 4u) << last_detail();
    EXPECT_EQ(normalised[0],
              json::value("products: a JSON object; its 2 values were read in the order written"));
    EXPECT_EQ(normalised[1],
              json::value("entry 0 product_id: \"" + id("NOZ") + ".0\" read as " + id("NOZ")));
    EXPECT_EQ(normalised[2], json::value("entry 0 price: \"12.345\" rounded to 12.35"));
    EXPECT_EQ(normalised[3], json::value("entry 1 price: \"1e1\" read as 10.00"));
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
