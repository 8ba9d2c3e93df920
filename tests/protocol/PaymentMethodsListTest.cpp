// PaymentMethodsList: {"<id>": "<name>"} (docs/protocol.md §2.8).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;
namespace json = boost::json;

TEST_F(ConnectorCatalog, PaymentMethodsListIsAnIdKeyedObject) {
    auto payment = parse(call("PaymentMethodsList"));
    EXPECT_EQ(payment.at("5"), json::value("Za pobraniem"));
}

}  // namespace
}  // namespace connector_test
