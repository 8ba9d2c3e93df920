// ProductsCategories: active category paths keyed by id (docs/protocol.md §2.3).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

class ConnectorCategories : public ConnectorTest {
  protected:
    // How many products ProductsList returns for each category ProductsCategories lists.
    std::map<std::string, std::size_t> listed_counts() {
        auto value = parse(call("ProductsCategories"));
        std::map<std::string, std::size_t> counts;
        for (const auto& [key, path] : value.as_object()) {
            auto response = call("ProductsList", {{"category_id", std::string(key)}});
            auto list = parse(response);
            EXPECT_FALSE(list.is_object() && list.as_object().contains("error")) << response.body;
            counts[std::string(path.as_string())] =
                list.is_object() ? list.as_object().size() - 1 : 0;  // minus "pages"
        }
        return counts;
    }
};
namespace json = boost::json;

TEST_F(ConnectorCategories, CategoriesAreActivePathsOrderedCaseInsensitively) {
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

TEST_F(ConnectorCategories, EveryCategoryKeyIsAcceptedByProductsList) {
    // Exact membership, as the official integration files filter: Dom holds no product itself.
    const auto counts = listed_counts();
    EXPECT_EQ(counts.at("Dom"), 0u);
    EXPECT_EQ(counts.at("Dom/Kuchnia"), 1u);  // the plate; the mug is in Kubki
    EXPECT_EQ(counts.at("Dom/Kuchnia/Kubki"), 1u);
    EXPECT_EQ(counts.at("akcesoria"), 1u);
}

// ProductsData and ProductsList agree: a category lists exactly the products reported in it, and
// every reported category_id is a key of ProductsCategories (SZT, under the inactive Ukryte,
// reports none).
TEST_F(ConnectorCategories, ProductsListAndProductsDataAgreeOnCategories) {
    const auto categories = parse(call("ProductsCategories")).as_object();
    std::string ids;
    for (const char* sku : {"KUB-1", "ZOLW", "TALERZ", "NOZ", "SZT"})
        ids += std::to_string(product_id(sku)) + ",";
    const auto data = parse(call("ProductsData", {{"products_id", ids}})).as_object();
    std::map<std::string, std::set<std::string>> reported;
    for (const auto& [id, product] : data) {
        const std::string category(product.at("category_id").as_string());
        if (category.empty()) {
            EXPECT_EQ(product.at("category_name"), json::value(""));
            continue;
        }
        ASSERT_TRUE(categories.contains(category)) << id << " reports " << category;
        EXPECT_EQ(product.at("category_name"), categories.at(category));
        reported[category].insert(std::string(id));
    }
    EXPECT_EQ(data.at(std::to_string(product_id("SZT"))).at("category_id"), json::value(""));
    for (const auto& [key, path] : categories) {
        const auto list = parse(call("ProductsList", {{"category_id", std::string(key)}}));
        std::set<std::string> listed;
        if (list.is_object()) {
            for (const auto& [id, row] : list.as_object())
                if (id != "pages") listed.insert(std::string(id));
        }
        EXPECT_EQ(listed, reported[std::string(key)]) << path;
    }
    // A category ProductsCategories does not list holds nothing BaseLinker sees.
    for (const auto& row : store_->lookups().categories()) {
        if (categories.contains(std::to_string(row.id))) continue;
        EXPECT_EQ(call("ProductsList", {{"category_id", std::to_string(row.id)}}).body, "[]")
            << row.path;
    }
}

class ConnectorCategoriesSubtree : public ConnectorCategories {
  protected:
    void configure(protocol::EndpointSettings& settings) override {
        settings.connector.category_filter = store::CategoryMatch::Subtree;
    }
};

TEST_F(ConnectorCategoriesSubtree, CategoryFilterIncludesDescendants) {
    const auto counts = listed_counts();
    EXPECT_EQ(counts.at("Dom"), 2u);  // the mug (Kubki) and the plate (Kuchnia)
    EXPECT_EQ(counts.at("Dom/Kuchnia"), 2u);
    EXPECT_EQ(counts.at("Dom/Kuchnia/Kubki"), 1u);
    EXPECT_EQ(counts.at("akcesoria"), 1u);
}

}  // namespace
}  // namespace connector_test
