// The order inbox over HTTP (docs/admin-api.md "Orders on hold"): a BaseLinker order the shop
// could not take in is listed as needing attention, shows its problems with lines counted from 1,
// takes no stock until staff bind its lines and release it, and then takes its stock and gets the
// default status — what BaseLinker's OrdersGet sees changes with it.
#include "AdminApiFixture.h"

namespace admin_test {
namespace {

namespace json = boost::json;

constexpr std::int64_t kStock = 5;
constexpr std::int64_t kDefaultStatus = 1;  // "Nowe", [orders] default_status
constexpr std::int64_t kCancelled = 6;      // "Anulowane"

class HeldOrdersApi : public AdminApiTest {
  protected:
    void SetUp() override {
        AdminApiTest::SetUp();
        api_ = std::make_unique<AdminClient>(with_token());
        auto reply = api().post("/products", R"({"id":"INBOX-1","sku":"INBOX-1","name":"Kubek",)"
                                             R"("price":"12.50","stock":)" +
                                                 std::to_string(kStock) + "}");
        ASSERT_EQ(reply.status, 201) << reply.body;
        product_ = reply.json().at("id").as_int64();
    }
    AdminClient& api() { return *api_; }

    // BaseLinker order 4711: line 1 names nothing in the catalogue (held under the default
    // policy), line 2 is the mug, 1 unit. BaseLinker asked the shop to take stock.
    store::Id add_held_order(std::int64_t baselinker_id = 4711) {
        store::OrderInput input;
        input.origin = store::OrderOrigin::BaseLinker;
        input.baselinker_id = baselinker_id;
        input.email = "kupujacy@example.pl";
        input.delivery.fullname = "Jan Nowak";
        input.request = R"({"baselinker_id":")" + std::to_string(baselinker_id) +
                        R"(","products":"[{\"name\":\"Nieznany\"},{\"id\":\"1\"}]"})";
        store::OrderLineInput unknown;
        unknown.sku = "NIE-MA";
        unknown.name = "Nieznany kubek";
        unknown.unit_price = *core::Money::parse("10.00");
        unknown.quantity = 2;
        store::OrderLineInput mug;
        mug.product_id = product_;
        mug.name = "Kubek";
        mug.unit_price = *core::Money::parse("12.50");
        mug.quantity = 1;
        input.lines = {unknown, mug};
        store::AddOrderOptions options;
        options.unknown_products = store::UnknownProducts::Hold;
        options.default_status = kDefaultStatus;
        options.actor = "baselinker";
        const auto added =
            db()->orders().add_baselinker_order(input, std::nullopt, options, unix_now());
        EXPECT_EQ(added.kind, store::AddOrderResult::Kind::Held);
        return added.order_id;
    }
    json::value order(store::Id id) {
        auto reply = api().get(path(id));
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json();
    }
    std::int64_t stock() {
        return api().get("/products/" + std::to_string(product_)).json().at("quantity").as_int64();
    }
    std::vector<std::int64_t> listed(const std::string& query) {
        std::vector<std::int64_t> ids;
        auto reply = api().get("/orders?" + query);
        EXPECT_EQ(reply.status, 200) << reply.body;
        const auto page = reply.json();
        for (const auto& item : page.at("items").as_array()) {
            ids.push_back(item.at("id").as_int64());
        }
        return ids;
    }
    // The status BaseLinker's OrdersGet reports for the order.
    std::string polled_status(store::Id id) {
        auto reply = server_->call("OrdersGet", {{"order_id", std::to_string(id)}});
        auto polled = json::parse(reply.body);
        return std::string(polled.at(std::to_string(id)).at("status_id").as_string());
    }
    static std::string path(store::Id id, const std::string& rest = "") {
        return "/orders/" + std::to_string(id) + rest;
    }
    static void expect_error(const Reply& reply, int status, const std::string& code,
                             const std::string& field, const std::string& what) {
        EXPECT_EQ(reply.status, status) << what << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), code) << what << ": " << reply.body;
        EXPECT_EQ(reply.error_field(), field) << what << ": " << reply.body;
    }

    std::unique_ptr<AdminClient> api_;
    store::Id product_ = 0;
};

TEST_F(HeldOrdersApi, AHeldOrderIsListedShownBoundAndReleasedTakingItsStockThen) {
    const auto id = add_held_order();
    EXPECT_EQ(listed("held=true"), std::vector<std::int64_t>{id});
    EXPECT_TRUE(listed("held=false").empty());
    const auto item = api().get("/orders?held=true").json().at("items").at(0);
    EXPECT_EQ(item.at("held"), json::value(true));
    EXPECT_EQ(item.at("status").at("name"), "Wymaga uwagi");

    auto held = order(id);
    EXPECT_EQ(held.at("held"), json::value(true));
    const auto& hold = held.at("hold");
    EXPECT_EQ(hold.at("released_at"), nullptr);
    EXPECT_EQ(hold.at("request").at("baselinker_id"), "4711") << "the request as a JSON object";
    const auto& problem = hold.at("problems").at(0);
    EXPECT_EQ(problem.at("line"), json::value(1)) << "lines count from 1";
    EXPECT_EQ(problem.at("field"), "product");
    EXPECT_EQ(problem.at("blocking"), json::value(true));
    EXPECT_EQ(problem.at("resolved"), json::value(false));
    EXPECT_EQ(stock(), kStock) << "a held order takes no stock";

    auto refused = api().post(path(id, "/release"));
    expect_error(refused, 409, "conflict", "problems", "release with a line bound to nothing");
    EXPECT_EQ(order(id).at("held"), json::value(true));

    auto bound = api().post(path(id, "/lines/1"),
                            R"({"product_id":)" + std::to_string(product_) + R"(,"quantity":5})");
    ASSERT_EQ(bound.status, 200) << bound.body;
    EXPECT_EQ(bound.json().at("lines").at(0).at("product_id"), json::value(product_));
    EXPECT_EQ(bound.json().at("lines").at(0).at("quantity"), json::value(5));
    EXPECT_EQ(bound.json().at("hold").at("problems").at(0).at("resolved"), json::value(true));
    EXPECT_EQ(stock(), kStock) << "binding takes nothing yet";

    auto released = api().post(path(id, "/release"));
    ASSERT_EQ(released.status, 200) << released.body;
    EXPECT_EQ(released.json().at("status"), json::parse(R"({"id":1,"name":"Nowe"})"));
    EXPECT_EQ(released.json().at("units"), json::value(kStock));
    EXPECT_EQ(released.json().at("oversold"), json::value(1)) << "5 + 1 units ordered, 5 in stock";
    EXPECT_EQ(stock(), 0);

    const auto after = order(id);
    EXPECT_EQ(after.at("held"), json::value(false));
    EXPECT_EQ(after.at("status").at("id"), json::value(kDefaultStatus));
    EXPECT_EQ(after.at("hold").at("released_by"), "admin:anna");
    EXPECT_EQ(polled_status(id), std::to_string(kDefaultStatus));
    EXPECT_EQ(listed("held=false"), std::vector<std::int64_t>{id});
}

TEST_F(HeldOrdersApi, AFreeLineIsReleasedWithoutStockAndTheStatusStaffSavedApplies) {
    const auto id = add_held_order();
    auto policy = api().get("/settings").json().at("orders").as_object();
    policy["default_status"] = 2;
    ASSERT_EQ(api().put("/settings/orders", json::serialize(policy)).status, 200);

    ASSERT_EQ(api().post(path(id, "/lines/1"), R"({"free":true})").status, 200);
    auto released = api().post(path(id, "/release"));
    ASSERT_EQ(released.status, 200) << released.body;
    EXPECT_EQ(released.json().at("status").at("id"), json::value(2)) << "the saved default";
    EXPECT_EQ(released.json().at("units"), json::value(1));
    EXPECT_EQ(released.json().at("free_lines"), json::value(1));
    EXPECT_EQ(stock(), kStock - 1);
    EXPECT_EQ(order(id).at("lines").at(0).at("product_id"), nullptr);
}

TEST_F(HeldOrdersApi, AHeldOrderChangesStatusOnlyByReleaseOrCancellation) {
    const auto id = add_held_order();
    auto moved = api().put(path(id, "/status"), R"({"status_id":4})");
    expect_error(moved, 409, "conflict", "status_id", "a held order sent to Wysłane");
    EXPECT_NE(moved.body.find("release"), std::string::npos) << moved.body;
    EXPECT_EQ(order(id).at("status").at("name"), "Wymaga uwagi");

    auto cancelled =
        api().put(path(id, "/status"), R"({"status_id":)" + std::to_string(kCancelled) + "}");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(order(id).at("status").at("id"), json::value(kCancelled));
    EXPECT_EQ(stock(), kStock) << "nothing was taken, nothing comes back";
}

TEST_F(HeldOrdersApi, BadCorrectionsAreRefusedAndChangeNothing) {
    const auto id = add_held_order();
    const auto before = api().get(path(id)).body;
    const auto p = std::to_string(product_);
    struct Case {
        std::string line, body;
        int status;
        std::string code, field;
    };
    for (const auto& c : std::vector<Case>{
             {"1", "{}", 422, "invalid_field", "product_id"},
             {"1", R"({"free":true,"product_id":)" + p + "}", 422, "invalid_field", "free"},
             {"1", R"({"variant_id":3})", 422, "invalid_field", "variant_id"},
             {"1", R"({"unit_price":"1.234"})", 422, "invalid_field", "unit_price"},
             {"1", R"({"quantity":"2"})", 422, "invalid_field", "quantity"},
             {"1", R"({"quantity":0})", 422, "invalid_field", "quantity"},
             {"1", R"({"product_id":999999})", 404, "not_found", ""},
             {"9", R"({"quantity":2})", 404, "not_found", ""},
         }) {
        auto reply = api().post(path(id, "/lines/" + c.line), c.body);
        EXPECT_EQ(reply.status, c.status) << c.line << " " << c.body << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), c.code) << c.body << ": " << reply.body;
        if (c.status == 422) {
            EXPECT_EQ(reply.error_field(), c.field) << c.body;
        }
    }
    EXPECT_EQ(api().get(path(id)).body, before);
    expect_error(api().post("/orders/999999/release"), 404, "not_found", "order", "unknown order");
}

TEST_F(HeldOrdersApi, AnOrderNotOnHoldCannotBeCorrectedOrReleased) {
    const auto id = add_held_order();
    const auto hold_status = order(id).at("status").at("id").as_int64();
    ASSERT_EQ(api().post(path(id, "/lines/1"), R"({"free":true})").status, 200);
    ASSERT_EQ(api().post(path(id, "/release")).status, 200);
    const auto before = api().get(path(id)).body;
    auto back =
        api().put(path(id, "/status"), R"({"status_id":)" + std::to_string(hold_status) + "}");
    expect_error(back, 409, "conflict", "status_id", "staff setting the hold status");
    EXPECT_NE(back.body.find("order inbox only"), std::string::npos) << back.body;
    expect_error(api().post(path(id, "/release")), 409, "conflict", "order", "released twice");
    expect_error(api().post(path(id, "/lines/2"), R"({"quantity":2})"), 409, "conflict", "order",
                 "corrected after release");
    EXPECT_EQ(api().get(path(id)).body, before);
    EXPECT_EQ(stock(), kStock - 1) << "stock taken once";
}

TEST_F(HeldOrdersApi, TheDashboardCountsOrdersThatNeedAttention) {
    add_held_order(4711);
    add_held_order(4712);
    auto health = api().get("/health").json();
    EXPECT_EQ(health.at("orders").at("on_hold"), json::value(2));
    bool warned = false;
    for (const auto& w : health.at("warnings").as_array()) {
        if (w.at("code") == "orders_on_hold") {
            warned = true;
            EXPECT_NE(std::string(w.at("message").as_string()).find("2 orders need attention"),
                      std::string::npos)
                << w;
        }
    }
    EXPECT_TRUE(warned) << health;
}

TEST_F(HeldOrdersApi, NoOrderOnHoldMeansNoWarning) {
    auto health = api().get("/health").json();
    EXPECT_EQ(health.at("orders").at("on_hold"), json::value(0));
    for (const auto& w : health.at("warnings").as_array())
        EXPECT_NE(w.at("code"), "orders_on_hold");
}

}  // namespace
}  // namespace admin_test
