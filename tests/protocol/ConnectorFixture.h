#pragma once
// Endpoint-level fixture for the connector tests: a fresh store (TempDb) with a small, fully known
// catalogue, a journal writer, and an Endpoint answering core::WebRequests directly.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/Exchange.h"
#include "journal/Writer.h"
#include "protocol/Endpoint.h"
#include "store/Store.h"
#include "support/TempDb.h"

namespace connector_test {

inline constexpr const char* kPassword = "test-password-0123456789";

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string url_encode(std::string_view text);
std::string form_body(const Fields& fields);

// The catalogue every test starts from (see ConnectorFixture.cpp for the exact data):
//   KUB-1   "Kubek ceramiczny"   12.50, 7 in stock, category Dom/Kuchnia/Kubki, 2 images
//   ZOLW    "Żółw pluszowy"      39.90 promo (49.99 regular), variants ZOLW-S (3) and ZOLW-L (5)
//   TALERZ  "Talerz płytki"      20.00, 0 in stock, inactive, category Dom/Kuchnia
//   NOZ     "Nóż kuchenny"       100.00, 15 in stock, no category
//   SZT     "Sztućce (zestaw)"   5.05, 2 in stock, category under an inactive one
store::ImportBatch connector_catalog();

class ConnectorTest : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;
    // Override to change the endpoint's settings before it is built.
    virtual void configure(protocol::EndpointSettings&) {}

    // Rebuilds the endpoint with changed settings (same store).
    void rebuild(const protocol::EndpointSettings& settings);
    protocol::EndpointSettings default_settings() const;

    core::WebResponse post(const Fields& fields, const std::string& client = "127.0.0.1");
    // bl_pass + action + fields.
    core::WebResponse call(const std::string& action, const Fields& fields = {});
    core::WebResponse request(core::WebRequest request);
    static boost::json::value parse(const core::WebResponse& response);
    // Asserts the exact envelope and returns it for further checks.
    static void expect_error(const core::WebResponse& response, const std::string& code,
                             int status = 200);

    store::Id product_id(const std::string& sku);
    store::Id variant_id(const std::string& product_sku, const std::string& variant_sku);
    std::vector<store::JournalEntry> journal_entries();
    // A fingerprint of the catalogue's observable state (stock, prices, names) via the store.
    std::string catalogue_state();

    std::unique_ptr<testing_support::TempDb> db_;  // SQLite, or PostgreSQL (BLC_TEST_BACKEND)
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<journal::Writer> journal_;
    std::unique_ptr<protocol::Endpoint> endpoint_;
};

}  // namespace connector_test
