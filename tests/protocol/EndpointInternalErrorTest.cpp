// A failing database becomes internal_error with the request id; the detail never reaches the
// client.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "ConnectorFixture.h"
#include "protocol/Endpoint.h"

namespace connector_test {
namespace {

constexpr const char* kSecret = "SELECT secret FROM products WHERE /var/lib/shop.db";

struct FailingCatalog : store::Catalog {
    [[noreturn]] static void fail() { throw store::StoreError(kSecret); }
    std::vector<store::CategoryPath> active_category_paths() override { fail(); }
    store::ProductListPage list_products(const store::ProductFilter&, store::Slice) override {
        fail();
    }
    std::vector<store::ProductDetail> product_details(std::span<const store::Id>,
                                                      store::DetailParts) override {
        fail();
    }
    std::int64_t product_count() override { fail(); }
    store::StockPage stock_page(store::Slice) override { fail(); }
    store::PricePage price_page(store::Slice) override { fail(); }
    store::BatchResult apply_stock_changes(std::span<const store::StockChange>) override { fail(); }
    store::BatchResult apply_price_changes(std::span<const store::PriceChange>) override { fail(); }
    core::Result<store::ImportSummary> import(const store::ImportBatch&, store::ImportProgress,
                                              void*) override {
        fail();
    }
    core::Result<store::Id> save_product(std::optional<store::Id>,
                                         const store::ImportProduct&) override {
        fail();
    }
};

struct FailingLookups : store::Lookups {
    std::vector<store::NamedId> order_statuses() override { throw std::runtime_error(kSecret); }
    std::vector<store::NamedId> delivery_methods() override { throw std::runtime_error(kSecret); }
    std::vector<store::NamedId> payment_methods() override { throw std::runtime_error(kSecret); }
    core::Result<store::Id> save_order_status(const store::NamedId&) override {
        FailingCatalog::fail();
    }
    core::Result<store::Id> save_delivery_method(const store::NamedId&) override {
        FailingCatalog::fail();
    }
    core::Result<store::Id> save_payment_method(const store::NamedId&) override {
        FailingCatalog::fail();
    }
    std::vector<store::CategoryRow> categories() override { FailingCatalog::fail(); }
    std::vector<store::ManufacturerRow> manufacturers() override { FailingCatalog::fail(); }
};

// Settings were read when the endpoint started (nothing stored); the failure comes later.
struct EmptySettings : store::Settings {
    store::StoredSettings load() override { return {}; }
    void save(const store::StoredSettings&) override { FailingCatalog::fail(); }
    std::int64_t version() override { return 0; }
};

struct FailingStore : store::Store {
    store::Catalog& catalog() override { return catalog_; }
    store::Lookups& lookups() override { return lookups_; }
    store::Orders& orders() override { throw store::StoreError(kSecret); }
    store::Journal& journal() override { throw store::StoreError(kSecret); }
    store::Admins& admins() override { throw store::StoreError(kSecret); }
    store::Settings& settings() override { return settings_; }
    store::HeldChanges& held_changes() override { throw store::StoreError(kSecret); }
    int schema_version() override { return 1; }
    int latest_schema_version() const override { return 1; }
    void write_heartbeat(std::int64_t) override { throw store::StoreError(kSecret); }
    FailingCatalog catalog_;
    FailingLookups lookups_;
    EmptySettings settings_;
};

core::WebResponse ask(protocol::Endpoint& endpoint, const std::string& action,
                      const std::string& request_id) {
    core::WebRequest r;
    r.method = "POST";
    r.client_ip = "127.0.0.1";
    r.request_id = request_id;
    r.body = form_body({{"bl_pass", kPassword}, {"action", action}, {"products_id", "1"}});
    return endpoint.handle(r);
}

TEST(ConnectorInternalError, StoreFailureIsInternalErrorWithRequestId) {
    FailingStore store;
    protocol::EndpointSettings settings;
    settings.password = kPassword;
    protocol::Endpoint endpoint(settings, store, nullptr);
    for (const char* action : {"ProductsList", "ProductsData", "ProductsQuantity",
                               "ProductsCategories", "StatusesList", "PaymentMethodsList"}) {
        auto response = ask(endpoint, action, "req-42");
        EXPECT_EQ(response.status, 200) << action;
        EXPECT_EQ(
            response.body,
            R"json({"error":true,"error_code":"internal_error","error_text":"internal error (request req-42)"})json")
            << action;
        EXPECT_EQ(response.body.find("SELECT"), std::string::npos);
    }
}

TEST(ConnectorInternalError, ActionsThatNeedNoStoreStillWork) {
    FailingStore store;
    protocol::EndpointSettings settings;
    settings.password = kPassword;
    protocol::Endpoint endpoint(settings, store, nullptr);
    auto response = ask(endpoint, "FileVersion", "req-1");
    EXPECT_EQ(response.body, R"({"platform":"blconnect","version":"0.1.0","standard":4})");
}

}  // namespace
}  // namespace connector_test
