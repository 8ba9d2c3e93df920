// SupportedMethods: every listed name is callable (docs/protocol.md §2.2).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;
namespace json = boost::json;

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

}  // namespace
}  // namespace connector_test
