// FileVersion, SupportedMethods, ProductsCategories and the lookup lists (docs/protocol.md
// §2.1-2.3, §2.8).
#include <gtest/gtest.h>

#include "connector_fixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;
namespace json = boost::json;

TEST_F(ConnectorCatalog, FileVersionShape) {
    auto response = call("FileVersion");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"({"platform":"blconnect","version":"0.1.0","standard":4})");
}

TEST_F(ConnectorCatalog, SupportedMethodsListsOnlyCallableNames) {
    auto value = parse(call("SupportedMethods"));
    ASSERT_TRUE(value.is_array());
    std::vector<std::string> names;
    for (const auto& name : value.as_array()) names.emplace_back(name.as_string());
    for (const char* expected :
         {"FileVersion", "SupportedMethods", "ProductsCategories", "ProductsList", "ProductsData",
          "ProductsQuantity", "ProductsPrices", "ProductsQuantityUpdate", "ProductsPriceUpdate",
          "StatusesList", "DeliveryMethodsList", "PaymentMethodsList"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
    }
    for (const auto& name : names) {
        auto response = call(name, {{"products", "[]"}});
        auto answer = parse(response);
        const bool unsupported = answer.is_object() && answer.as_object().contains("error_code") &&
                                 answer.at("error_code") == json::value("unsupported_action");
        EXPECT_FALSE(unsupported) << name << ": " << response.body;
    }
}

TEST_F(ConnectorCatalog, CategoriesAreActivePathsOrderedCaseInsensitively) {
    auto response = call("ProductsCategories");
    auto value = parse(response);
    ASSERT_TRUE(value.is_object()) << response.body;
    std::vector<std::string> paths;
    for (const auto& [key, path] : value.as_object()) paths.emplace_back(path.as_string());
    EXPECT_EQ(paths,
              (std::vector<std::string>{"akcesoria", "Dom", "Dom/Kuchnia", "Dom/Kuchnia/Kubki"}));
    // Keys are ids as strings; no inactive branch is listed.
    EXPECT_EQ(response.body.find("Ukryte"), std::string::npos);
    EXPECT_EQ(response.body.find("Pod ukryt"), std::string::npos);
    EXPECT_TRUE(response.body.starts_with("{\"")) << response.body;
}

TEST_F(ConnectorCatalog, EveryCategoryKeyIsAcceptedByProductsList) {
    auto value = parse(call("ProductsCategories"));
    std::map<std::string, std::size_t> counts;
    for (const auto& [key, path] : value.as_object()) {
        auto response = call("ProductsList", {{"category_id", std::string(key)}});
        auto list = parse(response);
        ASSERT_FALSE(list.is_object() && list.as_object().contains("error")) << response.body;
        counts[std::string(path.as_string())] =
            list.is_object() ? list.as_object().size() - 1 : 0;  // minus "pages"
    }
    // Descendants count: Dom holds the mug (Kubki) and the plate (Kuchnia).
    EXPECT_EQ(counts["Dom"], 2u);
    EXPECT_EQ(counts["Dom/Kuchnia"], 2u);
    EXPECT_EQ(counts["Dom/Kuchnia/Kubki"], 1u);
    EXPECT_EQ(counts["akcesoria"], 1u);
}

TEST_F(ConnectorCatalog, LookupListsAreIdKeyedObjects) {
    auto statuses = call("StatusesList");
    EXPECT_TRUE(statuses.body.starts_with(R"({"1":"Nowe","2":"W realizacji")")) << statuses.body;
    auto delivery = parse(call("DeliveryMethodsList"));
    EXPECT_EQ(delivery.at("1"), json::value("InPost Paczkomaty 24/7"));
    auto payment = parse(call("PaymentMethodsList"));
    EXPECT_EQ(payment.at("5"), json::value("Za pobraniem"));
}

}  // namespace
}  // namespace connector_test
