// /health: the connector's last polls, catalogue and order figures, and the warnings staff see.
#include "AdminApiFixture.h"
#include "journal/Writer.h"
#include "support/Must.h"

namespace admin_test {
namespace {

namespace json = boost::json;

class Health : public AdminApiTest {
  protected:
    void configure(app::Config& config) override { config.admin.api.poll_warning_minutes = 60; }

    json::object health() {
        auto reply = with_token().get("/health");
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json().as_object();
    }
    std::vector<std::string> warning_codes(const json::object& h) {
        std::vector<std::string> out;
        for (const auto& w : h.at("warnings").as_array()) {
            out.emplace_back(w.at("code").as_string());
            EXPECT_FALSE(w.at("message").as_string().empty());
        }
        return out;
    }
    void journal(const std::string& action, const std::string& outcome, std::int64_t at_ms) {
        store::JournalEntry e;
        e.at_ms = at_ms;
        e.request_id = "h" + std::to_string(at_ms);
        e.action = action;
        e.outcome = outcome;
        db()->journal().append(std::vector<store::JournalEntry>{e});
    }
};

using Codes = std::vector<std::string>;

TEST_F(Health, AFreshShopWasNeverPolled) {
    auto h = health();
    EXPECT_EQ(h.at("database"), "ok");
    EXPECT_NEAR(static_cast<double>(h.at("now").as_int64()), static_cast<double>(unix_now()), 5);
    EXPECT_TRUE(h.at("connector").at("last_orders_get_at_ms").is_null());
    EXPECT_EQ(h.at("orders"), json::parse(R"({"total":0,"from_baselinker":0,"from_shop":0,
        "unpaid":0,"with_oversells":0,"last_24h":0,"on_hold":0})"));
    EXPECT_EQ(warning_codes(h), (Codes{"never_polled"}));
}

TEST_F(Health, ARecentOrdersGetClearsTheWarning) {
    server_->call("OrdersGet");
    server_->service().journal().flush();
    auto h = health();
    const auto& connector = h.at("connector");
    ASSERT_TRUE(connector.at("last_orders_get_at_ms").is_int64());
    EXPECT_NEAR(static_cast<double>(connector.at("last_orders_get_at_ms").as_int64()),
                static_cast<double>(unix_now() * 1000), 10000);
    bool listed = false;
    for (const auto& a : connector.at("actions").as_array()) {
        if (a.at("action") != "OrdersGet") continue;
        listed = true;
        EXPECT_EQ(a.at("calls_24h"), 1);
        EXPECT_EQ(a.at("last_ok_at_ms"), connector.at("last_orders_get_at_ms"));
    }
    EXPECT_TRUE(listed);
    EXPECT_EQ(warning_codes(h), Codes{});
}

TEST_F(Health, AnOldOrdersGetWarns) {
    journal("OrdersGet", "ok", (unix_now() - 2 * 3600) * 1000);
    journal("OrdersGet", "incorrect_password", (unix_now() - 60) * 1000);  // failures do not count
    auto h = health();
    EXPECT_EQ(warning_codes(h), (Codes{"orders_not_polled"}));
    EXPECT_EQ(h.at("connector").at("actions").at(0).at("calls_24h"), 2);  // any outcome
}

TEST_F(Health, OversoldOrdersWarnAndCountsAreShown) {
    journal("OrdersGet", "ok", unix_now() * 1000);
    auto store = db();
    store::ImportProduct product;
    product.sku = "MUG";
    product.name = "Mug";
    product.price = *core::Money::parse("10.00");
    product.stock = 2;
    store::Id id = must(store->catalog().save_product(std::nullopt, product));
    store::OrderInput order;
    order.email = "buyer@example.com";
    store::OrderLineInput line;
    line.product_id = id;
    line.name = "Mug";
    line.unit_price = *core::Money::parse("10.00");
    line.quantity = 5;
    order.lines.push_back(line);
    store->orders().create_shop_order(order, store::AddOrderOptions{}, unix_now());
    auto h = health();
    EXPECT_EQ(warning_codes(h), (Codes{"oversold_orders"}));
    EXPECT_EQ(h.at("orders").at("total"), 1);
    EXPECT_EQ(h.at("orders").at("from_shop"), 1);
    EXPECT_EQ(h.at("orders").at("with_oversells"), 1);
    EXPECT_EQ(h.at("orders").at("unpaid"), 1);
    EXPECT_EQ(h.at("catalog").at("products"), 1);
}

}  // namespace
}  // namespace admin_test
