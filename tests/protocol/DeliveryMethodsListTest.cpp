// DeliveryMethodsList: {"<id>": "<name>"} (docs/protocol.md §2.8).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;
namespace json = boost::json;

TEST_F(ConnectorCatalog, DeliveryMethodsListIsAnIdKeyedObject) {
    auto delivery = parse(call("DeliveryMethodsList"));
    EXPECT_EQ(delivery.at("1"), json::value("InPost Paczkomaty 24/7"));
}

}  // namespace
}  // namespace connector_test
