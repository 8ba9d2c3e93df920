// StatusesList: {"<status_id>": "<name>"} ordered by id (docs/protocol.md §2.8).
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorCatalog = ConnectorTest;

TEST_F(ConnectorCatalog, StatusesListIsAnIdKeyedObject) {
    auto statuses = call("StatusesList");
    EXPECT_TRUE(statuses.body.starts_with(R"({"1":"Nowe","2":"W realizacji")")) << statuses.body;
}

}  // namespace
}  // namespace connector_test
