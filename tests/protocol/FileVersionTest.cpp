// FileVersion: who we are and which protocol standard we speak (docs/protocol.md §2.1).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;

TEST_F(ConnectorCatalog, FileVersionShape) {
    auto response = call("FileVersion");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"({"platform":"blconnect","version":"0.1.0","standard":4})");
}

}  // namespace
}  // namespace connector_test
