// ProductsList: every filter, sorting, both filter_limit forms and paging (docs/protocol.md §2.4).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

namespace json = boost::json;

class ConnectorProductsList : public ConnectorTest {
  protected:
    // The product keys of a ProductsList answer, in order, as SKUs (for readable assertions).
    std::vector<std::string> skus(const Fields& fields) {
        auto response = call("ProductsList", fields);
        auto value = parse(response);
        std::vector<std::string> result;
        if (value.is_array()) {
            EXPECT_TRUE(value.as_array().empty()) << response.body;
            return result;
        }
        EXPECT_FALSE(value.as_object().contains("error")) << response.body;
        for (const auto& [key, product] : value.as_object()) {
            if (key == "pages") continue;
            result.emplace_back(product.at("sku").as_string());
        }
        return result;
    }
    using Skus = std::vector<std::string>;
};

TEST_F(ConnectorProductsList, DefaultListsBaseProductsByIdWithExactTypes) {
    auto response = call("ProductsList");
    const auto kubek = std::to_string(product_id("KUB-1"));
    EXPECT_NE(response.body.find("{\"" + kubek +
                                 R"(":{"name":"Kubek ceramiczny","quantity":7,"price":12.50,)"
                                 R"("ean":"5901234123457","sku":"KUB-1"})"),
              std::string::npos)
        << response.body;
    EXPECT_TRUE(response.body.ends_with(",\"pages\":1}")) << response.body;
    EXPECT_EQ(skus({}), (Skus{"KUB-1", "ZOLW", "TALERZ", "NOZ", "SZT"}));
    // Variants are never entries; the product with variants reports their stock sum and its
    // promotional price.
    auto zolw = parse(response).at(std::to_string(product_id("ZOLW")));
    EXPECT_EQ(zolw.at("quantity"), json::value(8));
    EXPECT_NE(response.body.find(R"("quantity":8,"price":39.90)"), std::string::npos);
    EXPECT_NE(response.body.find(R"("price":100.00)"), std::string::npos);
    EXPECT_NE(response.body.find(R"("price":5.05)"), std::string::npos);
}

TEST_F(ConnectorProductsList, NameFilterFoldsPolishLetters) {
    EXPECT_EQ(skus({{"filter_name", "żółw"}}), Skus{"ZOLW"});
    EXPECT_EQ(skus({{"filter_name", "ŻÓŁW"}}), Skus{"ZOLW"});
    EXPECT_EQ(skus({{"filter_name", "NÓŻ"}}), Skus{"NOZ"});
    EXPECT_EQ(skus({{"filter_name", "ceram"}}), Skus{"KUB-1"});
    EXPECT_EQ(skus({{"filter_name", "zolw"}}), Skus{});
}

TEST_F(ConnectorProductsList, CodeFiltersMatchVariantsAndReturnTheBaseProduct) {
    EXPECT_EQ(skus({{"filter_sku", "ZOLW-S"}}), Skus{"ZOLW"});
    EXPECT_EQ(skus({{"filter_ean", "5900000000011"}}), Skus{"ZOLW"});
    EXPECT_EQ(skus({{"filter_sku", "KUB-1"}}), Skus{"KUB-1"});
    EXPECT_EQ(skus({{"filter_ean", "5901234123457"}}), Skus{"KUB-1"});
    EXPECT_EQ(skus({{"filter_sku", "KUB"}}), Skus{});  // exact, not a substring
}

TEST_F(ConnectorProductsList, IdFilters) {
    const auto noz = std::to_string(product_id("NOZ"));
    const auto kubek = std::to_string(product_id("KUB-1"));
    EXPECT_EQ(skus({{"filter_id", noz}}), Skus{"NOZ"});
    EXPECT_EQ(skus({{"filter_ids_list", noz + ",," + kubek + ","}}), (Skus{"KUB-1", "NOZ"}));
    EXPECT_EQ(skus({{"filter_id", "999999"}}), Skus{});
    auto bad = call("ProductsList", {{"filter_id", "1 OR 1=1"}});
    expect_error(bad, "invalid_parameter");
    EXPECT_NE(bad.body.find("filter_id: "), std::string::npos);
    expect_error(call("ProductsList", {{"filter_ids_list", "1,x"}}), "invalid_parameter");
}

TEST_F(ConnectorProductsList, CategoryFilter) {
    EXPECT_EQ(skus({{"category_id", "all"}}).size(), 5u);
    EXPECT_EQ(skus({{"category_id", ""}}).size(), 5u);
    auto bad = call("ProductsList", {{"category_id", "kubki"}});
    expect_error(bad, "invalid_parameter");
    EXPECT_NE(bad.body.find("category_id: "), std::string::npos);
}

TEST_F(ConnectorProductsList, PriceBoundsAreInclusiveOnTheReportedPrice) {
    EXPECT_EQ(skus({{"filter_price_from", "39.90"}}), (Skus{"ZOLW", "NOZ"}));
    EXPECT_EQ(skus({{"filter_price_to", "12.5"}}), (Skus{"KUB-1", "SZT"}));
    // The regular price 49.99 is not what is reported while the promotion runs.
    EXPECT_EQ(skus({{"filter_price_from", "40"}, {"filter_price_to", "50"}}), Skus{});
    auto bad = call("ProductsList", {{"filter_price_from", "1e3"}});
    expect_error(bad, "invalid_parameter");
    EXPECT_NE(bad.body.find("filter_price_from: "), std::string::npos);
}

TEST_F(ConnectorProductsList, PriceFilterAppliesBeforePaging) {
    auto value = parse(call("ProductsList", {{"filter_price_from", "10"}, {"filter_limit", "1"}}));
    EXPECT_EQ(value.at("pages"), json::value(4));  // KUB-1, ZOLW, TALERZ, NOZ
    EXPECT_EQ(skus({{"filter_price_from", "10"}, {"filter_limit", "1"}, {"page", "4"}}),
              Skus{"NOZ"});
}

TEST_F(ConnectorProductsList, QuantityBoundsUseTheStockRule) {
    EXPECT_EQ(skus({{"filter_quantity_from", "8"}}), (Skus{"ZOLW", "NOZ"}));
    EXPECT_EQ(skus({{"filter_quantity_to", "0"}}), Skus{"TALERZ"});
    EXPECT_EQ(skus({{"filter_quantity_from", "7"}, {"filter_quantity_to", "8"}}),
              (Skus{"KUB-1", "ZOLW"}));
    expect_error(call("ProductsList", {{"filter_quantity_to", "dużo"}}), "invalid_parameter");
}

TEST_F(ConnectorProductsList, AvailabilityFilter) {
    EXPECT_EQ(skus({{"filter_available", "1"}}), (Skus{"KUB-1", "ZOLW", "NOZ", "SZT"}));
    EXPECT_EQ(skus({{"filter_available", "0"}}), Skus{"TALERZ"});
    EXPECT_EQ(skus({{"filter_available", ""}}).size(), 5u);
}

TEST_F(ConnectorProductsList, SortWhitelist) {
    EXPECT_EQ(skus({{"filter_sort", "price DESC"}}),
              (Skus{"NOZ", "ZOLW", "TALERZ", "KUB-1", "SZT"}));
    EXPECT_EQ(skus({{"filter_sort", "quantity"}}), (Skus{"TALERZ", "SZT", "KUB-1", "ZOLW", "NOZ"}));
    EXPECT_EQ(skus({{"filter_sort", "NAME asc"}}), (Skus{"KUB-1", "NOZ", "SZT", "TALERZ", "ZOLW"}));
    EXPECT_EQ(skus({{"filter_sort", "id desc"}}), (Skus{"SZT", "NOZ", "TALERZ", "ZOLW", "KUB-1"}));
    EXPECT_EQ(skus({{"filter_sort", "  id   ASC "}}).front(), "KUB-1");
    for (const char* bad :
         {"price; DROP TABLE products", "p.price", "price DESC, id", "stock", "price up", "1"}) {
        auto response = call("ProductsList", {{"filter_sort", bad}});
        EXPECT_EQ(
            response.body,
            R"({"error":true,"error_code":"invalid_parameter","error_text":"filter_sort: expected '<id|name|quantity|price> [ASC|DESC]'"})")
            << bad;
    }
}

TEST_F(ConnectorProductsList, SqlInjectionTextChangesNothing) {
    const auto before = catalogue_state();
    for (const char* field :
         {"filter_sort", "filter_name", "filter_sku", "filter_ean", "filter_id", "filter_ids_list",
          "category_id", "filter_limit", "filter_price_from", "filter_price_to",
          "filter_quantity_from", "filter_quantity_to", "filter_available", "page"}) {
        for (const char* text : {"1; DROP TABLE products; --", "' OR '1'='1", "1) OR (1=1",
                                 "\"; DELETE FROM variants; --", "%", "_"}) {
            auto response = call("ProductsList", {{field, text}});
            EXPECT_EQ(response.status, 200);
            auto value = parse(response);
            if (value.is_object() && value.as_object().contains("error")) {
                EXPECT_EQ(value.at("error_code"), json::value("invalid_parameter"))
                    << field << "=" << text;
            }
        }
    }
    // LIKE wildcards are plain text for the name filter.
    EXPECT_EQ(skus({{"filter_name", "%"}}), Skus{});
    EXPECT_EQ(skus({{"filter_name", "_"}}), Skus{});
    EXPECT_EQ(catalogue_state(), before);
}

TEST_F(ConnectorProductsList, LimitFormAndPaging) {
    auto first = parse(call("ProductsList", {{"filter_limit", "2"}}));
    EXPECT_EQ(first.at("pages"), json::value(3));
    EXPECT_EQ(skus({{"filter_limit", "2"}, {"page", "2"}}), (Skus{"TALERZ", "NOZ"}));
    EXPECT_EQ(skus({{"filter_limit", "2"}, {"page", "3"}}), Skus{"SZT"});
    auto past = call("ProductsList", {{"filter_limit", "2"}, {"page", "4"}});
    EXPECT_EQ(past.body, "[]");
    auto far = call("ProductsList", {{"page", "9223372036854775807"}});
    EXPECT_EQ(far.body, "[]");
}

TEST_F(ConnectorProductsList, PageJunkMeansFirstPage) {
    for (const char* page : {"", "0", "-3", "abc", "1.5"}) {
        EXPECT_EQ(skus({{"filter_limit", "2"}, {"page", page}}), (Skus{"KUB-1", "ZOLW"})) << page;
    }
}

TEST_F(ConnectorProductsList, OffsetCountFormHasNoPages) {
    auto response = call("ProductsList", {{"filter_limit", "1, 2"}});
    auto value = parse(response);
    EXPECT_FALSE(value.as_object().contains("pages")) << response.body;
    EXPECT_EQ(skus({{"filter_limit", "1,2"}}), (Skus{"ZOLW", "TALERZ"}));
    EXPECT_EQ(skus({{"filter_limit", "4,10"}}), Skus{"SZT"});
    EXPECT_EQ(call("ProductsList", {{"filter_limit", "5,10"}}).body, "[]");
}

// filter_limit is never refused (§2.4): numbers are read as PHP's (int) reads them and clamped.
TEST_F(ConnectorProductsList, OutOfRangeLimitsAreClamped) {
    const Skus all{"KUB-1", "ZOLW", "TALERZ", "NOZ", "SZT"};
    // Page size: below 1 is 1, above 10000 is 10000.
    for (const char* limit : {"0", "-1", "-99999999999999999999"}) {
        const auto value = parse(call("ProductsList", {{"filter_limit", limit}}));
        EXPECT_EQ(value.at("pages"), json::value(5)) << limit;
        EXPECT_EQ(skus({{"filter_limit", limit}}), Skus{"KUB-1"}) << limit;
        EXPECT_EQ(skus({{"filter_limit", limit}, {"page", "2"}}), Skus{"ZOLW"}) << limit;
    }
    for (const char* limit : {"10001", "99999999999999999999", "10000"}) {
        EXPECT_EQ(skus({{"filter_limit", limit}}), all) << limit;
        EXPECT_EQ(parse(call("ProductsList", {{"filter_limit", limit}})).at("pages"),
                  json::value(1));
    }
    // offset,count: a negative offset is 0, a count is clamped like a page size.
    EXPECT_EQ(skus({{"filter_limit", "-1,5"}}), all);
    EXPECT_EQ(skus({{"filter_limit", "1,0"}}), Skus{"ZOLW"});
    EXPECT_EQ(skus({{"filter_limit", "3,20000"}}), (Skus{"NOZ", "SZT"}));
    EXPECT_EQ(call("ProductsList", {{"filter_limit", "99999999999999999999,5"}}).body, "[]");
    EXPECT_FALSE(
        parse(call("ProductsList", {{"filter_limit", "-1,0"}})).as_object().contains("pages"));
}

TEST_F(ConnectorProductsList, LimitsAreReadAsPhpReadsANumber) {
    const Skus all{"KUB-1", "ZOLW", "TALERZ", "NOZ", "SZT"};
    EXPECT_EQ(skus({{"filter_limit", "2.0"}}), (Skus{"KUB-1", "ZOLW"}));  // (int)"2.0" = 2
    EXPECT_EQ(skus({{"filter_limit", "2abc"}}), (Skus{"KUB-1", "ZOLW"}));
    EXPECT_EQ(skus({{"filter_limit", "+2"}}), (Skus{"KUB-1", "ZOLW"}));
    EXPECT_EQ(skus({{"filter_limit", "1,2,3"}}), (Skus{"ZOLW", "TALERZ"}));  // count "2,3" -> 2
    EXPECT_EQ(skus({{"filter_limit", "1;2"}}), Skus{"KUB-1"});               // "1;2" -> 1
    // No number at all: the default page size; an offset without one is 0.
    for (const char* limit : {"abc", "--", ".5"}) {
        EXPECT_EQ(skus({{"filter_limit", limit}}), all) << limit;
        EXPECT_EQ(parse(call("ProductsList", {{"filter_limit", limit}})).at("pages"),
                  json::value(1));
    }
    EXPECT_EQ(skus({{"filter_limit", "x,2"}}), (Skus{"KUB-1", "ZOLW"}));
    EXPECT_EQ(skus({{"filter_limit", "3,y"}}), (Skus{"NOZ", "SZT"}));
}

TEST_F(ConnectorProductsList, TheJournalSaysWhatWasClamped) {
    auto last_detail = [&]() {
        std::string detail;
        std::int64_t newest = -1;
        for (const auto& entry : journal_entries()) {
            if (entry.action == "ProductsList" && entry.id > newest) {
                newest = entry.id;
                detail = entry.detail;
            }
        }
        return detail;
    };
    call("ProductsList", {{"filter_limit", "20000"}});
    EXPECT_EQ(last_detail(), R"({"filter_limit":{"sent":"20000","used":"10000"}})");
    call("ProductsList", {{"filter_limit", "-3, 0"}});
    EXPECT_EQ(last_detail(), R"({"filter_limit":{"sent":"-3, 0","used":"0,1"}})");
    call("ProductsList", {{"filter_limit", "abc"}});
    EXPECT_EQ(last_detail(), R"({"filter_limit":{"sent":"abc","used":"1000"}})");
    // Nothing to say when the numbers are used as sent.
    call("ProductsList", {{"filter_limit", "3, 4"}});
    EXPECT_EQ(last_detail(), "");
    call("ProductsList", {{"filter_limit", "10000"}});
    EXPECT_EQ(last_detail(), "");
}

TEST_F(ConnectorProductsList, EmptyResultIsEmptyArray) {
    EXPECT_EQ(call("ProductsList", {{"filter_name", "nie ma takiego"}}).body, "[]");
}

}  // namespace
}  // namespace connector_test
