#pragma once
// What the tests of ProductsQuantityUpdate and ProductsPriceUpdate share: the stock as
// ProductsQuantity reports it, ids as text, and the journal detail of the last update.
#include "ConnectorFixture.h"

namespace connector_test {

class ConnectorUpdates : public ConnectorTest {
  protected:
    boost::json::value stock() { return parse(call("ProductsQuantity")); }
    std::int64_t stock_of(const std::string& sku, store::Id variant = 0) {
        return stock().at(std::to_string(product_id(sku))).at(std::to_string(variant)).as_int64();
    }
    std::string id(const std::string& sku) { return std::to_string(product_id(sku)); }
    std::string vid(const std::string& sku, const std::string& variant) {
        return std::to_string(variant_id(sku, variant));
    }
    std::string last_detail() {
        for (const auto& entry : journal_entries()) {  // newest first
            if (entry.action.ends_with("Update")) return entry.detail;
        }
        return "";
    }
};

}  // namespace connector_test
