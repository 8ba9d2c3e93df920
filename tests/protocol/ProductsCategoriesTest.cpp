// ProductsCategories: active category paths keyed by id (docs/protocol.md §2.3).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;
namespace json = boost::json;

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

}  // namespace
}  // namespace connector_test
