#pragma once
// Shared set-up of the order tests (OrderAddTest.cpp, OrderUpdateTest.cpp, OrdersGetTest.cpp,
// OrdersGetPollersTest.cpp): a real server over HTTP on a demo catalogue, a second store handle to
// read what was committed (orders, stock), one product without variants and one variant chosen from
// the catalogue with a known stock, and the example OrderAdd of docs/protocol.md §6.1 with their
// ids.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "journal/Writer.h"
#include "store/Store.h"
#include "support/TestServer.h"

namespace order_test {

namespace json = boost::json;
using Fields = std::map<std::string, std::string>;

inline constexpr std::int64_t kDemoProducts = 30;
inline constexpr std::int64_t kStartStock = 10;

class OrderHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        // The example order's free line stays free (policy keep) unless a test configures
        // otherwise: most of these tests are about normal orders, not the inbox.
        server_ = std::make_unique<test::TestServer>(kDemoProducts, [this](app::Config& config) {
            config.endpoint.connector.orders.unknown_products = store::UnknownProducts::Keep;
            configure(config);
        });
        second_ = server_->open_second_store();
        pick_products();
        if (HasFatalFailure()) return;
        set_stock(simple_id_, 0, kStartStock);
        set_stock(parent_id_, variant_id_, kStartStock);
    }

    // Override to change the configuration before the server starts.
    virtual void configure(app::Config&) {}

    test::HttpReply call(const std::string& action, const Fields& fields = {}) {
        return server_->call(action, fields);
    }
    json::value call_json(const std::string& action, const Fields& fields = {}) {
        const auto reply = call(action, fields);
        EXPECT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
        json::error_code ec;
        auto value = json::parse(reply.body, ec);
        EXPECT_FALSE(ec) << "not JSON: " << reply.body;
        return value;
    }
    // The exact error envelope with `code`; returns error_text.
    static std::string expect_error(const test::HttpReply& reply, const std::string& code) {
        EXPECT_EQ(reply.status, 200) << reply.body;
        EXPECT_TRUE(reply.body.starts_with("{\"error\":true,\"error_code\":\"" + code +
                                           "\",\"error_text\":\""))
            << reply.body;
        json::error_code ec;
        auto value = json::parse(reply.body, ec);
        if (ec || !value.is_object() || !value.as_object().contains("error_text")) return "";
        EXPECT_EQ(value.as_object().size(), 3u) << reply.body;
        return std::string(value.at("error_text").as_string());
    }

    // OrderAdd; returns the order id from {"order_id":"<id>"} (0 after a failure).
    store::Id add_order(const Fields& fields) {
        const auto reply = call("OrderAdd", fields);
        auto value = json::parse(reply.body);
        if (!value.is_object() || !value.as_object().contains("order_id")) {
            ADD_FAILURE() << "OrderAdd failed: " << reply.body;
            return 0;
        }
        EXPECT_EQ(value.as_object().size(), 1u) << reply.body;
        const std::string id(value.at("order_id").as_string());
        EXPECT_EQ(reply.body, "{\"order_id\":\"" + id + "\"}");
        return std::stoll(id);
    }

    // OrdersGet order_id=<id>: the order object (null when absent).
    json::value get_order(store::Id id) {
        auto value = call_json("OrdersGet", {{"order_id", std::to_string(id)}});
        if (!value.is_object()) return nullptr;
        return value.at(std::to_string(id));
    }

    std::int64_t stock(store::Id product, store::Id variant = 0) {
        const store::Id ids[] = {product};
        auto details = second_->catalog().product_details(ids, store::DetailParts{});
        if (details.size() != 1) {
            ADD_FAILURE() << "no product " << product;
            return -1;
        }
        if (variant == 0) return details[0].quantity;
        for (const auto& v : details[0].variants) {
            if (v.id == variant) return v.quantity;
        }
        ADD_FAILURE() << "no variant " << variant;
        return -1;
    }
    void set_stock(store::Id product, store::Id variant, std::int64_t quantity) {
        store::StockChange change;
        change.product_id = product;
        change.variant_id = variant;
        change.op = store::StockOp::Set;
        change.quantity = quantity;
        ASSERT_EQ(second_->catalog().apply_stock_changes({&change, 1}).applied, 1);
    }

    std::int64_t order_count() {
        return second_->orders().orders_page(store::OrderQuery{}, store::Slice{0, 1}).total;
    }

    // Journal entries of `action`, newest first.
    std::vector<store::JournalEntry> journal(const std::string& action) {
        server_->service().journal().flush();
        store::JournalQuery query;
        query.action = action;
        query.limit = 1000;
        return second_->journal().query(query);
    }
    // The order inbox's status (seeded by migration 009).
    store::Id hold_status() {
        for (const auto& s : second_->lookups().order_statuses())
            if (s.name == "Wymaga uwagi") return s.id;
        ADD_FAILURE() << "no hold status";
        return 0;
    }
    json::value last_detail(const std::string& action) {
        const auto entries = journal(action);
        if (entries.empty()) {
            ADD_FAILURE() << "no journal entry for " << action;
            return nullptr;
        }
        return json::parse(entries.front().detail);
    }

    // One line of `products`, bound to the variant.
    std::string variant_line(std::int64_t quantity, const std::string& price = "34.90") {
        return R"({"id":")" + std::to_string(parent_id_) + R"(","variant_id":")" +
               std::to_string(variant_id_) + R"(","sku":")" + variant_sku_ + R"(","ean":")" +
               variant_ean_ + R"(","name":"Kubek ceramiczny 330 ml, niebieski","price":")" + price +
               R"(","quantity":")" + std::to_string(quantity) +
               R"(","tax":"23","auction_id":"15733492011",)"
               R"("attributes":[{"name":"Kolor","value":"niebieski","price":"0.00"}]})";
    }
    static std::string free_line() {
        return R"({"id":"","variant_id":"0","sku":"","ean":"","name":"Grawer dedykacji",)"
               R"("price":"15.00","quantity":"1","tax":"23","auction_id":"15733492011",)"
               R"("attributes":[]})";
    }

    // The OrderAdd of docs/protocol.md §6.1, with the variant of this catalogue in place of
    // 1002/5503.
    Fields example_order(const std::string& baselinker_id = "48213377", std::int64_t quantity = 2) {
        return {
            {"previous_order_id", ""},
            {"baselinker_id", baselinker_id},
            {"delivery_fullname", "Agnieszka Wróblewska"},
            {"delivery_company", ""},
            {"delivery_address", "ul. Żeromskiego 14/7"},
            {"delivery_city", "Kraków"},
            {"delivery_postcode", "31-150"},
            {"delivery_state_code", ""},
            {"delivery_country", "Polska"},
            {"delivery_country_code", "PL"},
            {"invoice_fullname", "Agnieszka Wróblewska"},
            {"invoice_company", "Pracownia Ceramiki Wróbel"},
            {"invoice_nip", "6762475811"},
            {"invoice_address", "ul. Żeromskiego 14/7"},
            {"invoice_city", "Kraków"},
            {"invoice_postcode", "31-150"},
            {"invoice_country", "Polska"},
            {"invoice_country_code", "PL"},
            {"want_invoice", "1"},
            {"phone", "+48 512 334 118"},
            {"email", "a.wroblewska+allegro@example.pl"},
            {"delivery_method", "Allegro Paczkomaty InPost"},
            {"delivery_method_id", "3"},
            {"delivery_price", "11.99"},
            {"delivery_point_id", "KRA12M"},
            {"delivery_point_name", "Paczkomat KRA12M"},
            {"delivery_point_address", "ul. Lubicz 4"},
            {"delivery_point_postcode", "31-504"},
            {"delivery_point_city", "Kraków"},
            {"payment_method", "PayU"},
            {"payment_method_id", "2"},
            {"payment_method_cod", "0"},
            {"paid", "1"},
            {"currency", "PLN"},
            {"status_id", "1"},
            {"user_comments", "[Allegro: ceramika_aga] Proszę zapakować ostrożnie"},
            {"change_products_quantity", "1"},
            {"transaction_id", "9b2e1c40-7d1a-11ef-8a10-0242ac120002"},
            {"client_login", "ceramika_aga"},
            {"service_account", "21344"},
            {"products", "[" + variant_line(quantity) + "," + free_line() + "]"},
        };
    }

    // A minimal order of `quantity` units of the simple product.
    Fields simple_order(const std::string& baselinker_id, std::int64_t quantity = 1) {
        return {{"baselinker_id", baselinker_id},
                {"change_products_quantity", "1"},
                {"products", R"([{"id":")" + std::to_string(simple_id_) +
                                 R"(","variant_id":"0","name":"Prosty","price":"10.00",)"
                                 R"("quantity":")" +
                                 std::to_string(quantity) + R"("}])"}};
    }

    std::unique_ptr<test::TestServer> server_;
    std::unique_ptr<store::Store> second_;
    store::Id simple_id_ = 0;  // a product without variants
    std::string simple_sku_, simple_ean_;
    double simple_weight_ = 0;
    store::Id parent_id_ = 0, variant_id_ = 0;  // a product with variants, and its first variant
    std::string variant_sku_, variant_ean_;

  private:
    void pick_products() {
        std::vector<store::Id> ids;
        for (const auto& row :
             second_->catalog().list_products(store::ProductFilter{}, store::Slice{0, 1000}).rows) {
            ids.push_back(row.id);
        }
        for (const auto& p : second_->catalog().product_details(ids, store::DetailParts{})) {
            if (p.variants.empty() && simple_id_ == 0 && !p.sku.empty() && !p.ean.empty()) {
                simple_id_ = p.id;
                simple_sku_ = p.sku;
                simple_ean_ = p.ean;
                simple_weight_ = p.weight_kg;
            }
            if (!p.variants.empty() && parent_id_ == 0 && !p.variants[0].ean.empty()) {
                parent_id_ = p.id;
                variant_id_ = p.variants[0].id;
                variant_sku_ = p.variants[0].sku;
                variant_ean_ = p.variants[0].ean;
            }
        }
        ASSERT_NE(simple_id_, 0);
        ASSERT_NE(parent_id_, 0);
    }
};

}  // namespace order_test
