// ProductsQuantityUpdate: set/change/clamp, skip rules, one transaction, bracket form, malformed
// input of both *Update actions (nothing changed), journal detail.
#include <gtest/gtest.h>

#include "ProductsUpdateFixture.h"

namespace connector_test {
namespace {

namespace json = boost::json;

TEST_F(ConnectorUpdates, SetAndChange) {
    const std::string products = R"([{"product_id":")" + id("KUB-1") +
                                 R"(","operation":"set","quantity":"20"},{"product_id":)" +
                                 id("NOZ") +
                                 R"(,"variant_id":0,"operation":"change","quantity":-5},)"
                                 R"({"product_id":")" +
                                 id("ZOLW") + R"(","variant_id":")" + vid("ZOLW", "ZOLW-S") +
                                 R"(","operation":"change","quantity":"2"}])";
    auto response = call("ProductsQuantityUpdate", {{"products", products}});
    EXPECT_EQ(response.body, R"({"counter":3})");
    EXPECT_EQ(stock_of("KUB-1"), 20);
    EXPECT_EQ(stock_of("NOZ"), 10);
    EXPECT_EQ(stock_of("ZOLW", variant_id("ZOLW", "ZOLW-S")), 5);
    EXPECT_EQ(stock_of("ZOLW"), 10);  // the stock rule follows the variant
}

TEST_F(ConnectorUpdates, ClampAtZeroIsAppliedAndJournaled) {
    const std::string products =
        R"([{"product_id":")" + id("SZT") + R"(","operation":"change","quantity":"-50"}])";
    EXPECT_EQ(call("ProductsQuantityUpdate", {{"products", products}}).body, R"({"counter":1})");
    EXPECT_EQ(stock_of("SZT"), 0);
    auto detail = json::parse(last_detail());
    EXPECT_EQ(detail.at("applied"), json::value(1));
    ASSERT_EQ(detail.at("notes").as_array().size(), 1u) << last_detail();
    EXPECT_EQ(detail.at("notes").at(0).at("entry"), json::value(0));
    EXPECT_EQ(detail.at("notes").at(0).at("status"), json::value("applied"));
}

TEST_F(ConnectorUpdates, InvalidEntriesAreSkippedNotCountedAndJournaled) {
    const std::string products =
        "["
        R"({"product_id":"999999","operation":"set","quantity":1},)"  // unknown product
        R"({"product_id":")" +
        id("ZOLW") +
        R"(","operation":"set","quantity":1},)"  // has variants
        R"({"product_id":")" +
        id("KUB-1") +
        R"(","operation":"add","quantity":1},)"  // operation
        R"({"product_id":")" +
        id("KUB-1") +
        R"(","operation":"set","quantity":"1.5"},)"
        R"({"product_id":")" +
        id("KUB-1") +
        R"(","variant_id":"999999","operation":"set","quantity":1},)"
        R"({"product_id":"abc","operation":"set","quantity":1},)"
        R"({"product_id":")" +
        id("NOZ") + R"(","operation":"SET","quantity":1}])";
    const auto before = stock_of("KUB-1");
    EXPECT_EQ(call("ProductsQuantityUpdate", {{"products", products}}).body, R"({"counter":1})");
    EXPECT_EQ(stock_of("KUB-1"), before);
    EXPECT_EQ(stock_of("ZOLW"), 8);
    EXPECT_EQ(stock_of("NOZ"), 1);
    auto detail = json::parse(last_detail());
    EXPECT_EQ(detail.at("entries"), json::value(7));
    std::vector<std::int64_t> skipped;
    for (const auto& note : detail.at("notes").as_array()) {
        EXPECT_EQ(note.at("status"), json::value("skipped"));
        EXPECT_FALSE(note.at("reason").as_string().empty());
        skipped.push_back(note.at("entry").as_int64());
    }
    EXPECT_EQ(skipped, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
}

TEST_F(ConnectorUpdates, BracketForm) {
    auto response = call("ProductsQuantityUpdate", {{"products[0][product_id]", id("KUB-1")},
                                                    {"products[0][operation]", "set"},
                                                    {"products[0][quantity]", "3"},
                                                    {"products[1][product_id]", id("NOZ")},
                                                    {"products[1][operation]", "change"},
                                                    {"products[1][quantity]", "1"}});
    EXPECT_EQ(response.body, R"({"counter":2})");
    EXPECT_EQ(stock_of("KUB-1"), 3);
    EXPECT_EQ(stock_of("NOZ"), 16);
}

TEST_F(ConnectorUpdates, MalformedOrMissingProductsChangesNothing) {
    const auto before = catalogue_state();
    for (const char* products :
         {"[{\"product_id\":1,", "{\"product_id\":1}", "nonsense", "[1,2]", "7"}) {
        auto response = call("ProductsQuantityUpdate", {{"products", products}});
        expect_error(response, "invalid_parameter");
        EXPECT_NE(response.body.find("products"), std::string::npos);
    }
    expect_error(call("ProductsQuantityUpdate"), "invalid_parameter");
    expect_error(call("ProductsPriceUpdate", {{"products", "[{"}}), "invalid_parameter");
    auto utf8 = call("ProductsQuantityUpdate",
                     {{"products", "[{\"product_id\":\"1\",\"operation\":\"s\xFF\"}]"}});
    expect_error(utf8, "invalid_parameter");
    EXPECT_EQ(json::parse(utf8.body).at("error_text"), json::value("products: not valid UTF-8"));
    EXPECT_EQ(catalogue_state(), before);
}

// PHP's json_encode of a filtered list is an object; its numbers may be "5.00" or 3.0.
TEST_F(ConnectorUpdates, QuantityUpdateReadsPhpEncodingsAndJournalsThem) {
    const std::string products = R"({"1":{"product_id":")" + id("KUB-1") +
                                 R"(","variant_id":"0.0","operation":"set","quantity":"5.00"},)"
                                 R"("5":{"product_id":)" +
                                 id("NOZ") + R"(,"operation":"change","quantity":3.0}})";
    const auto noz = stock_of("NOZ");
    EXPECT_EQ(call("ProductsQuantityUpdate", {{"products", products}}).body, R"({"counter":2})");
    EXPECT_EQ(stock_of("KUB-1"), 5);
    EXPECT_EQ(stock_of("NOZ"), noz + 3);
    auto detail = json::parse(last_detail());
    std::vector<std::string> normalised;
    for (const auto& note : detail.at("normalised").as_array())
        normalised.emplace_back(note.as_string());
    EXPECT_EQ(normalised,
              (std::vector<std::string>{
                  "products: a JSON object; its 2 values were read in the order written",
                  "entry 0 variant_id: \"0.0\" read as 0", "entry 0 quantity: \"5.00\" read as 5",
                  "entry 1 quantity: \"3.0\" read as 3"}));
    EXPECT_TRUE(detail.at("notes").as_array().empty()) << last_detail();
}

TEST_F(ConnectorUpdates, EmptyBatchCountsZero) {
    EXPECT_EQ(call("ProductsQuantityUpdate", {{"products", "[]"}}).body, R"({"counter":0})");
}

}  // namespace
}  // namespace connector_test

namespace connector_test {
namespace {

// A guard that trips on this small catalogue: one entry zeroing a product is a mass change.
class GuardedUpdates : public ConnectorUpdates {
  protected:
    void configure(protocol::EndpointSettings& settings) override {
        settings.connector.guard.zeroed_share_percent = 10;
        settings.connector.guard.zeroed_min_entries = 1;
    }
    std::string zero(const std::string& sku) {
        return R"([{"product_id":")" + id(sku) + R"(","operation":"set","quantity":0}])";
    }
};

TEST_F(GuardedUpdates, AMassZeroingIsHeldNotAppliedAndSaysSo) {
    const auto before = catalogue_state();
    auto response = call("ProductsQuantityUpdate", {{"products", zero("NOZ")}});
    expect_error(response, "mass_change_held");
    auto text = std::string(parse(response).at("error_text").as_string());
    EXPECT_NE(text.find("staff must approve it"), std::string::npos) << text;
    EXPECT_NE(text.find("1 of 4 active products would be set to 0"), std::string::npos) << text;
    EXPECT_EQ(catalogue_state(), before);
    EXPECT_EQ(stock_of("NOZ"), 15);

    auto detail = boost::json::parse(last_detail());
    const auto held_id = detail.at("held").at("id").as_int64();
    EXPECT_EQ(detail.at("applied"), boost::json::value(0));
    EXPECT_EQ(detail.at("held").at("rule"), boost::json::value("zeroed_share"));
    for (const auto& entry : journal_entries())
        if (entry.action == "ProductsQuantityUpdate") {
            EXPECT_EQ(entry.outcome, "mass_change_held");
        }

    // BaseLinker sends it again on its next sync: the same answer, one held copy.
    expect_error(call("ProductsQuantityUpdate", {{"products", zero("NOZ")}}), "mass_change_held");
    auto held = store_->held_changes().list(store::HeldState::Held, 10);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held.front().id, held_id);
    EXPECT_EQ(held.front().resends, 1);
}

}  // namespace
}  // namespace connector_test
