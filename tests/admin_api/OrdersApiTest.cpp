// /orders over HTTP: storefront orders (the order file of docs/orders.md) that take stock, the
// list with filters and cursor paging, one order with every field, and the staff changes —
// each checked through the API and through what BaseLinker sees on OrdersGet — plus bad input
// that gets the documented error and changes nothing.
#include <map>
#include <tuple>

#include "AdminApiFixture.h"

namespace admin_test {
namespace {

namespace json = boost::json;
using Fields = std::map<std::string, std::string>;

constexpr std::int64_t kStartStock = 10;
constexpr std::int64_t kJan1 = 1767261600;  // 2026-01-01 10:00:00 UTC
constexpr std::int64_t kDay = 86400;

class OrdersApi : public AdminApiTest {
  protected:
    std::int64_t demo_products() const override { return 12; }
    // The BaseLinker orders here have a line outside the catalogue that the shop keeps (the
    // order inbox, which holds such orders by default, has HeldOrdersApiTest.cpp).
    void configure(app::Config& config) override {
        config.endpoint.connector.orders.unknown_products = store::UnknownProducts::Keep;
    }
    void SetUp() override {
        AdminApiTest::SetUp();
        api_ = std::make_unique<AdminClient>(with_token());
        pick_simple_product();
    }
    AdminClient& api() { return *api_; }

    // A storefront order of `quantity` units of the simple product plus a discount line.
    std::string order_file(std::int64_t quantity = 2, const std::string& extra = "",
                           const std::string& email = "anna.kowalska@example.pl") const {
        return R"({"email":")" + email +
               R"(","phone":"+48 601 234 567",)"
               R"("login":"anna.k","buyer":{"fullname":"Anna Kowalska","address":"ul. Długa 5/3",)"
               R"("city":"Kraków","postcode":"31-147","country":"Polska","country_code":"pl"},)"
               R"("pickup_point":{"id":"KRA01M","name":"Paczkomat KRA01M"},)"
               R"("delivery_method":{"id":1,"price":"12.99"},"payment_method":{"id":5},)"
               R"("comments":"Proszę o staranne zapakowanie",)" +
               extra + R"("lines":[{"product_id":)" + std::to_string(simple_) +
               R"(,"name":"Prosty","price":"10.00","quantity":)" + std::to_string(quantity) +
               R"(,"tax":23},{"name":"Rabat","price":"-5.00","quantity":1,"tax":"5.5"}]})";
    }
    store::Id create(const std::string& body) {
        auto reply = api().post("/orders", body);
        EXPECT_EQ(reply.status, 201) << reply.body;
        if (reply.status != 201) return 0;
        return reply.json().at("id").as_int64();
    }
    // A BaseLinker order through the connector's OrderAdd.
    store::Id add_baselinker_order(const std::string& baselinker_id, const Fields& extra = {}) {
        Fields fields = {{"baselinker_id", baselinker_id},
                         {"email", "bl-" + baselinker_id + "@example.pl"},
                         {"change_products_quantity", "0"},
                         {"products", R"([{"id":"","variant_id":"0","name":"Wolna linia",)"
                                      R"("price":"5.00","quantity":"1"}])"}};
        for (const auto& [k, v] : extra) fields[k] = v;
        auto reply = server_->call("OrderAdd", fields);
        auto value = json::parse(reply.body);
        EXPECT_TRUE(value.as_object().contains("order_id")) << reply.body;
        return std::stoll(std::string(value.at("order_id").as_string()));
    }
    json::value order(store::Id id) {
        auto reply = api().get(path(id));
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json();
    }
    std::string snapshot(store::Id id) { return api().get(path(id)).body; }
    // The order as BaseLinker's OrdersGet shows it.
    json::value wire(store::Id id) {
        auto reply = server_->call("OrdersGet", {{"order_id", std::to_string(id)}});
        EXPECT_EQ(reply.status, 200) << reply.body;
        return json::parse(reply.body).at(std::to_string(id));
    }
    std::int64_t stock() {
        return api().get("/products/" + std::to_string(simple_)).json().at("quantity").as_int64();
    }
    std::int64_t order_count() {
        return db()->orders().orders_page(store::OrderQuery{}, store::Slice{0, 1}).total;
    }
    static std::string path(store::Id id, const std::string& rest = "") {
        return "/orders/" + std::to_string(id) + rest;
    }
    std::vector<std::int64_t> listed(const std::string& query) {
        auto reply = api().get("/orders?" + query);
        EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
        std::vector<std::int64_t> ids;
        const auto page = reply.json();
        for (const auto& item : page.at("items").as_array()) {
            ids.push_back(item.at("id").as_int64());
        }
        return ids;
    }

    std::unique_ptr<AdminClient> api_;
    store::Id simple_ = 0;  // a product without variants, kStartStock in stock

  private:
    void pick_simple_product() {
        auto store = db();
        std::vector<store::Id> ids;
        for (const auto& row :
             store->catalog().list_products(store::ProductFilter{}, store::Slice{0, 100}).rows) {
            ids.push_back(row.id);
        }
        for (const auto& p : store->catalog().product_details(ids, store::DetailParts{})) {
            if (p.variants.empty()) {
                simple_ = p.id;
                break;
            }
        }
        ASSERT_NE(simple_, 0);
        store::StockChange change;
        change.product_id = simple_;
        change.quantity = kStartStock;
        ASSERT_EQ(store->catalog().apply_stock_changes({&change, 1}).applied, 1);
    }
};

// ---- POST /orders ----

TEST_F(OrdersApi, AStorefrontOrderTakesStockAndBaseLinkerSeesIt) {
    auto reply = api().post("/orders", order_file(2));
    ASSERT_EQ(reply.status, 201) << reply.body;
    const auto id = reply.json().at("id").as_int64();
    const auto s = std::to_string(simple_);
    EXPECT_EQ(reply.body, R"({"id":)" + std::to_string(id) +
                              R"(,"lines":[{"line":1,"product_id":)" + s +
                              R"(,"variant_id":0,"stock_taken":2,"oversold":0},)" +
                              R"({"line":2,"product_id":null,"variant_id":0,"stock_taken":0,)" +
                              R"("oversold":0}]})");
    EXPECT_EQ(stock(), kStartStock - 2);
    const auto seen = wire(id);
    EXPECT_EQ(seen.at("email"), "anna.kowalska@example.pl");
    EXPECT_EQ(seen.at("status_id"), "1");
    EXPECT_EQ(seen.at("delivery_method"), "InPost Paczkomaty 24/7") << "named from the table";
    EXPECT_EQ(seen.at("payment_method_cod"), json::value(1));
    EXPECT_EQ(seen.at("products").at(0).at("id"), json::value(s));
    EXPECT_EQ(seen.at("products").at(1).at("id"), "");
}

TEST_F(OrdersApi, AnOrderBeyondTheStockIsAnOversellNotAnError) {
    auto reply = api().post("/orders", order_file(kStartStock + 5));
    ASSERT_EQ(reply.status, 201) << reply.body;
    const auto created = reply.json();
    const auto& line = created.at("lines").at(0);
    EXPECT_EQ(line.at("stock_taken"), json::value(kStartStock));
    EXPECT_EQ(line.at("oversold"), json::value(5));
    EXPECT_EQ(stock(), 0);
    EXPECT_EQ(order(created.at("id").as_int64()).at("oversold"), json::value(5));
}

TEST_F(OrdersApi, APanelSessionCreatesOrdersWithItsCsrfToken) {
    AdminClient panel = signed_in();
    auto reply = panel.post("/orders", order_file(1));
    ASSERT_EQ(reply.status, 201) << reply.body;
    const auto history = order(reply.json().at("id").as_int64()).at("history");
    EXPECT_EQ(history.at(0).at("actor"), "admin:anna");
    panel.send_csrf = false;
    EXPECT_EQ(panel.post("/orders", order_file(1)).status, 403);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(), kStartStock - 1);
}

TEST_F(OrdersApi, BadOrderFilesGetTheDocumentedErrorAndWriteNothing) {
    const std::vector<std::tuple<std::string, int, std::string, std::string>> cases = {
        {"", 400, "invalid_json", ""},
        {"{\"lines\":[", 400, "invalid_json", ""},
        {"[]", 400, "invalid_json", ""},
        {std::string("{\"email\":\"\xFF\",") + order_file().substr(1), 400, "invalid_json", ""},
        {R"({"email":"a","email":"b",)" + order_file().substr(1), 400, "invalid_json", "email"},
        {R"({"voucher":"X",)" + order_file().substr(1), 422, "invalid_field", "voucher"},
        {order_file(0), 422, "invalid_field", "lines[1].quantity"},
        {order_file(-3), 422, "invalid_field", "lines[1].quantity"},
        {order_file(2, R"("status_id":99,)"), 422, "invalid_field", "status_id"},
        {order_file(2, R"("status_id":"new",)"), 422, "invalid_field", "status_id"},
        {order_file(2, R"("paid":"yes",)"), 422, "invalid_field", "paid"},
        {order_file(2, R"("currency":"ZŁOTY",)"), 422, "invalid_field", "currency"},
        {R"({"lines":[]})", 422, "invalid_field", "lines"},
        {R"({"lines":[{"name":"a","price":"1.234","quantity":1}]})", 422, "invalid_field",
         "lines[1].price"},
        {R"({"lines":[{"name":"a","price":"1","quantity":1},{"price":"1","quantity":1}]})", 422,
         "invalid_field", "lines[2].name"},
        {R"({"delivery_method":{"id":99},"lines":[{"name":"a","price":"1","quantity":1}]})", 422,
         "invalid_field", "delivery_method.id"},
        {R"({"payment_method":{"id":99},"lines":[{"name":"a","price":"1","quantity":1}]})", 422,
         "invalid_field", "payment_method.id"},
        {R"({"buyer":{"city":1.5},"lines":[{"name":"a","price":"1","quantity":1}]})", 422,
         "invalid_field", "buyer.city"},
    };
    for (const auto& [body, status, code, field] : cases) {
        auto reply = api().post("/orders", body);
        EXPECT_EQ(reply.status, status) << body << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), code) << body;
        EXPECT_EQ(reply.error_field(), field) << body << ": " << reply.body;
    }
    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock(), kStartStock);
}

// ---- GET /orders ----

TEST_F(OrdersApi, ListIsNewestFirstWithACursorUntilNull) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(create(order_file(1)));
    for (int i = 0; i < 2; ++i) ids.push_back(add_baselinker_order("9100" + std::to_string(i)));
    std::vector<std::int64_t> seen;
    std::string cursor;
    for (int pages = 0; pages < 5; ++pages) {
        auto reply = api().get("/orders?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
        ASSERT_EQ(reply.status, 200) << reply.body;
        const auto page = reply.json();
        for (const auto& item : page.at("items").as_array())
            seen.push_back(item.at("id").as_int64());
        if (page.at("next_cursor").is_null()) break;
        cursor = std::string(page.at("next_cursor").as_string());
    }
    std::reverse(ids.begin(), ids.end());
    EXPECT_EQ(seen, ids);
}

TEST_F(OrdersApi, ListItemsHaveTheDocumentedShape) {
    const auto shop = create(order_file(2));
    const auto bl = add_baselinker_order("48213377", {{"paid", "1"}});
    ASSERT_EQ(api().post(path(shop, "/shipments"), R"({"number":"623000111"})").status, 200);
    const auto items = api().get("/orders").json().at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(
        json::serialize(items[0]),
        R"({"id":)" + std::to_string(bl) +
            R"(,"origin":"baselinker","baselinker_id":48213377,"date_add":)" +
            std::to_string(items[0].at("date_add").as_int64()) +
            R"(,"status":{"id":1,"name":"Nowe"},"held":false,"paid":true,"buyer":"bl-48213377@example.pl",)"
            R"("total":"5.00","currency":"PLN","oversold":0,"tracking":""})");
    const auto& s = items[1].as_object();
    EXPECT_EQ(s.at("origin"), "shop");
    EXPECT_TRUE(s.at("baselinker_id").is_null());
    EXPECT_EQ(s.at("buyer"), "Anna Kowalska");
    EXPECT_EQ(s.at("total"), "27.99") << "2 x 10.00 - 5.00 + 12.99";
    EXPECT_EQ(s.at("paid"), json::value(false));
    EXPECT_EQ(s.at("tracking"), "623000111");
}

TEST_F(OrdersApi, ListFiltersCombine) {
    const auto a = create(order_file(1, R"("date_add":)" + std::to_string(kJan1) + ","));
    const auto b =
        create(order_file(1, R"("paid":true,"date_add":)" + std::to_string(kJan1 + kDay) + ","));
    const auto c = create(
        order_file(1, R"("status_id":2,"date_add":)" + std::to_string(kJan1 + 2 * kDay) + ",",
                   "other@example.pl"));
    const auto bl = add_baselinker_order("77001234");
    using Ids = std::vector<std::int64_t>;
    EXPECT_EQ(listed("origin=shop"), (Ids{c, b, a}));
    EXPECT_EQ(listed("origin=baselinker"), (Ids{bl}));
    EXPECT_EQ(listed("paid=true"), (Ids{b}));
    EXPECT_EQ(listed("paid=false&origin=shop"), (Ids{c, a}));
    EXPECT_EQ(listed("status_id=2"), (Ids{c}));
    EXPECT_EQ(listed("date_from=2026-01-02&date_to=2026-01-02"), (Ids{b}));
    EXPECT_EQ(listed("date_from=" + std::to_string(kJan1 + 1) + "&origin=shop"), (Ids{c, b}));
    EXPECT_EQ(listed("date_to=2026-01-01"), (Ids{a}));
    EXPECT_EQ(listed("q=OTHER%40example"), (Ids{c}));
    EXPECT_EQ(listed("q=KOWALSKA%40&origin=shop"), (Ids{b, a})) << "in the e-mail, any case";
    EXPECT_EQ(listed("q=77001234"), (Ids{bl})) << "digits match the BaseLinker order id";
    EXPECT_EQ(listed("q=%27%20OR%201%3D1%20--"), Ids{});
    EXPECT_EQ(listed("q=%25"), Ids{}) << "no LIKE wildcards";
    EXPECT_EQ(order_count(), 4);
}

TEST_F(OrdersApi, BadListQueriesAre422NamingTheParameter) {
    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
             {"origin=allegro", "origin"},
             {"paid=maybe", "paid"},
             {"status_id=new", "status_id"},
             {"date_from=2026-13-01", "date_from"},
             {"date_to=yesterday", "date_to"},
             {"cursor=abc", "cursor"},
             {"cursor=-1", "cursor"},
             {"limit=0", "limit"},
             {"limit=500", "limit"},
             {"q=%C3%28", "q"},
         }) {
        auto reply = api().get("/orders?" + query);
        EXPECT_EQ(reply.status, 422) << query << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), "invalid_field") << query;
        EXPECT_EQ(reply.error_field(), field) << query;
    }
}

// ---- GET /orders/{id} ----

TEST_F(OrdersApi, DetailHasEveryField) {
    const auto id = create(order_file(2, R"("invoice":{"fullname":"Anna Kowalska",)"
                                         R"("company":"Pracownia","nip":"6762461659"},)"
                                         R"("want_invoice":true,)"));
    ASSERT_EQ(api().put(path(id, "/paid"), R"({"paid":true})").status, 200);
    const auto o = order(id).as_object();
    EXPECT_EQ(o.at("id"), json::value(id));
    EXPECT_EQ(o.at("origin"), "shop");
    EXPECT_TRUE(o.at("baselinker_id").is_null());
    EXPECT_GT(o.at("date_add").as_int64(), 0);
    EXPECT_EQ(json::serialize(o.at("status")), R"({"id":1,"name":"Nowe"})");
    EXPECT_EQ(o.at("paid"), json::value(true));
    EXPECT_GT(o.at("paid_time").as_int64(), 0);
    EXPECT_EQ(o.at("currency"), "PLN");
    EXPECT_EQ(o.at("total"), "27.99");
    EXPECT_EQ(o.at("email"), "anna.kowalska@example.pl");
    EXPECT_EQ(o.at("phone"), "+48 601 234 567");
    EXPECT_EQ(o.at("client_login"), "anna.k");
    for (const char* key : {"transaction_id", "service_account"}) EXPECT_EQ(o.at(key), "");
    EXPECT_EQ(json::serialize(o.at("delivery")),
              R"({"fullname":"Anna Kowalska","company":"","address":"ul. Długa 5/3",)"
              R"("postcode":"31-147","city":"Kraków","state_code":"","country":"Polska",)"
              R"("country_code":"PL"})");
    EXPECT_EQ(o.at("invoice").at("company"), "Pracownia");
    EXPECT_EQ(o.at("invoice_nip"), "6762461659");
    EXPECT_EQ(o.at("want_invoice"), json::value(true));
    EXPECT_EQ(json::serialize(o.at("pickup_point")),
              R"({"id":"KRA01M","name":"Paczkomat KRA01M","address":"","postcode":"","city":""})");
    EXPECT_EQ(json::serialize(o.at("delivery_method")),
              R"({"id":1,"name":"InPost Paczkomaty 24/7","price":"12.99"})");
    EXPECT_EQ(json::serialize(o.at("payment_method")),
              R"({"id":5,"name":"Za pobraniem","cod":true})");
    EXPECT_EQ(o.at("user_comments"), "Proszę o staranne zapakowanie");
    EXPECT_TRUE(o.at("staff_comments").as_array().empty());
    EXPECT_EQ(o.at("stock_returned"), json::value(false));
    const auto& lines = o.at("lines").as_array();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].at("product_id"), json::value(simple_));
    EXPECT_EQ(lines[0].at("unit_price"), "10.00");
    EXPECT_EQ(lines[0].at("tax_rate"), "23");
    EXPECT_EQ(lines[0].at("stock_taken"), json::value(2));
    EXPECT_TRUE(lines[1].at("product_id").is_null());
    EXPECT_EQ(lines[1].at("unit_price"), "-5.00");
    EXPECT_EQ(lines[1].at("tax_rate"), "5.5");
    for (const char* key : {"id", "variant_id", "name", "sku", "ean", "quantity", "auction_id",
                            "attributes", "oversold"}) {
        EXPECT_TRUE(lines[0].as_object().contains(key)) << key;
    }
    EXPECT_EQ(o.at("oversold"), json::value(0));
    EXPECT_TRUE(o.at("shipments").as_array().empty());
    const auto& history = o.at("history").as_array();
    ASSERT_EQ(history.size(), 1u);
    EXPECT_TRUE(history[0].at("from").is_null());
    EXPECT_EQ(json::serialize(history[0].at("to")), R"({"id":1,"name":"Nowe"})");
    EXPECT_EQ(history[0].at("actor"), "admin:anna");
}

TEST_F(OrdersApi, UnknownOrdersAre404Everywhere) {
    const auto id = create(order_file(1));
    const auto before = snapshot(id);
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"GET", path(999999), ""},
        {"PUT", path(999999, "/status"), R"({"status_id":4})"},
        {"POST", path(999999, "/shipments"), R"({"number":"1"})"},
        {"PUT", path(999999, "/paid"), R"({"paid":true})"},
        {"POST", path(999999, "/comments"), R"({"text":"x"})"},
    };
    for (const auto& [method, where, body] : cases) {
        auto reply = api().send(method, where, body, {});
        EXPECT_EQ(reply.status, 404) << method << " " << where << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), "not_found");
    }
    EXPECT_EQ(snapshot(id), before);
}

// ---- staff changes ----

TEST_F(OrdersApi, StatusChangesAreSeenByBaseLinkerAndMoveStockOncePerTransition) {
    const auto id = create(order_file(3));
    auto reply = api().put(path(id, "/status"), R"({"status_id":4})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"result":"applied","stock_returned":false,"stock_retaken":false,)"
                          R"("units":0,"oversold":0})");
    EXPECT_EQ(wire(id).at("status_id"), "4");
    EXPECT_EQ(api().put(path(id, "/status"), R"({"status_id":4})").body,
              R"({"result":"unchanged","stock_returned":false,"stock_retaken":false,)"
              R"("units":0,"oversold":0})");
    EXPECT_EQ(stock(), kStartStock - 3);
    EXPECT_EQ(api().put(path(id, "/status"), R"({"status_id":6})").body,
              R"({"result":"applied","stock_returned":true,"stock_retaken":false,)"
              R"("units":3,"oversold":0})");
    EXPECT_EQ(stock(), kStartStock);
    EXPECT_EQ(wire(id).at("status_id"), "6");
    EXPECT_EQ(api().put(path(id, "/status"), R"({"status_id":2})").body,
              R"({"result":"applied","stock_returned":false,"stock_retaken":true,)"
              R"("units":3,"oversold":0})");
    EXPECT_EQ(stock(), kStartStock - 3) << "taken again";
    EXPECT_EQ(api().put(path(id, "/status"), R"({"status_id":6})").body,
              R"({"result":"applied","stock_returned":true,"stock_retaken":false,)"
              R"("units":3,"oversold":0})");
    EXPECT_EQ(stock(), kStartStock);
    const auto o = order(id);
    EXPECT_EQ(o.at("stock_returned"), json::value(true));
    const auto& history = o.at("history").as_array();
    ASSERT_EQ(history.size(), 5u);
    EXPECT_EQ(json::serialize(history[1].at("from")), R"({"id":1,"name":"Nowe"})");
    EXPECT_EQ(json::serialize(history[2].at("to")), R"({"id":6,"name":"Anulowane"})");
    EXPECT_EQ(history[2].at("note"), "stock returned: 3 units");
    EXPECT_EQ(history[3].at("note"), "stock taken again: 3 units");
    for (const auto& h : history) EXPECT_EQ(h.at("actor"), "admin:anna");
}

TEST_F(OrdersApi, TheDetailCarriesTheStockLedger) {
    const auto id = create(order_file(3));
    ASSERT_EQ(api().put(path(id, "/status"), R"({"status_id":6})").status, 200);
    const auto o = order(id);
    const auto& moves = o.at("stock_moves").as_array();
    ASSERT_EQ(moves.size(), 2u);
    EXPECT_EQ(moves[0].at("line"), json::value(1));
    EXPECT_EQ(moves[0].at("product_id"), json::value(simple_));
    EXPECT_EQ(moves[0].at("variant_id"), json::value(0));
    EXPECT_EQ(moves[0].at("delta"), json::value(-3));
    EXPECT_EQ(moves[0].at("reason"), "order_added");
    EXPECT_EQ(moves[1].at("delta"), json::value(3));
    EXPECT_EQ(moves[1].at("reason"), "cancelled");
    EXPECT_EQ(moves[1].at("actor"), "admin:anna");
    EXPECT_GT(moves[1].at("at").as_int64(), 0);
    EXPECT_TRUE(moves[1].as_object().contains("id"));
    EXPECT_EQ(o.at("stock_held"), json::value(0));
    EXPECT_EQ(o.at("takes_stock"), json::value(true));
    ASSERT_EQ(api().put(path(id, "/status"), R"({"status_id":1})").status, 200);
    EXPECT_EQ(order(id).at("stock_held"), json::value(3));
}

TEST_F(OrdersApi, AShipmentIsBaseLinkersDeliveryPackageNumber) {
    const auto id = create(order_file(1));
    const std::string body = R"({"number":"623000111","carrier":"InPost",)"
                             R"("url":"https://inpost.pl/t/623000111"})";
    auto reply = api().post(path(id, "/shipments"), body);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"result":"applied"})");
    EXPECT_EQ(api().post(path(id, "/shipments"), body).body, R"({"result":"unchanged"})");
    ASSERT_EQ(api().post(path(id, "/shipments"), R"({"number":"  DPD-2  "})").status, 200);
    const auto seen = wire(id);
    EXPECT_EQ(seen.at("delivery_package_nr"), "DPD-2") << "the newest, trimmed";
    const auto shipments = order(id).at("shipments").as_array();
    ASSERT_EQ(shipments.size(), 2u);
    EXPECT_EQ(shipments[0].at("number"), "623000111");
    EXPECT_EQ(shipments[0].at("carrier"), "InPost");
    EXPECT_EQ(shipments[0].at("url"), "https://inpost.pl/t/623000111");
    EXPECT_GT(shipments[0].at("created_at").as_int64(), 0);
    EXPECT_EQ(shipments[1].at("number"), "DPD-2");
}

TEST_F(OrdersApi, PaidIsWhatBaseLinkerSees) {
    const auto id = create(order_file(1));
    EXPECT_EQ(wire(id).at("paid"), json::value(0));
    EXPECT_EQ(api().put(path(id, "/paid"), R"({"paid":true})").body, R"({"result":"applied"})");
    EXPECT_EQ(wire(id).at("paid"), json::value(1));
    EXPECT_GT(wire(id).at("paid_time").as_int64(), 0);
    EXPECT_EQ(api().put(path(id, "/paid"), R"({"paid":true})").body, R"({"result":"unchanged"})");
    EXPECT_EQ(api().put(path(id, "/paid"), R"({"paid":false})").body, R"({"result":"applied"})");
    EXPECT_EQ(wire(id).at("paid"), json::value(0));
    EXPECT_EQ(order(id).at("paid_time"), json::value(0));
}

TEST_F(OrdersApi, StaffCommentsAreAListAndBaseLinkersAdminComments) {
    const auto id = create(order_file(1));
    EXPECT_EQ(api().post(path(id, "/comments"), R"({"text":"Klient prosi o fakturę"})").body,
              R"({"result":"applied"})");
    const std::string longest(2000, 'z');
    EXPECT_EQ(api().post(path(id, "/comments"), R"({"text":")" + longest + "\"}").status, 200);
    EXPECT_EQ(json::serialize(order(id).at("staff_comments")),
              R"(["Klient prosi o fakturę",")" + longest + "\"]");
    EXPECT_EQ(wire(id).at("admin_comments"), json::value("Klient prosi o fakturę\n" + longest));
}

TEST_F(OrdersApi, BadChangesGetTheDocumentedErrorAndChangeNothing) {
    const auto id = create(order_file(1));
    const auto before = snapshot(id);
    std::string too_long_comment;
    for (int i = 0; i < 2001; ++i) too_long_comment += "ż";
    const std::vector<std::tuple<std::string, std::string, std::string, int, std::string>> cases = {
        {"PUT", "/status", R"({"status_id":99})", 422, "status_id"},
        {"PUT", "/status", R"({"status_id":"4"})", 422, "status_id"},
        {"PUT", "/status", R"({})", 422, "status_id"},
        {"PUT", "/status", R"({"status_id":4,"note":"x"})", 422, "note"},
        {"PUT", "/status", R"({"status_id":4)", 400, ""},
        {"POST", "/shipments", R"({"carrier":"DPD"})", 422, "number"},
        {"POST", "/shipments", R"({"number":"   "})", 422, "number"},
        {"POST", "/shipments", R"({"number":")" + std::string(101, '1') + "\"}", 422, "number"},
        {"POST", "/shipments", R"({"number":123})", 422, "number"},
        {"POST", "/shipments", R"({"number":"1","carrier":5})", 422, "carrier"},
        {"POST", "/shipments", R"({"number":"\ud800"})", 400, ""},
        {"PUT", "/paid", R"({"paid":"yes"})", 422, "paid"},
        {"PUT", "/paid", R"({"paid":1})", 422, "paid"},
        {"POST", "/comments", R"({"text":""})", 422, "text"},
        {"POST", "/comments", R"({"text":" \t "})", 422, "text"},
        {"POST", "/comments", R"({"text":")" + too_long_comment + "\"}", 422, "text"},
        {"POST", "/comments", std::string("{\"text\":\"\xC0\xAF\"}"), 400, ""},
    };
    for (const auto& [method, rest, body, status, field] : cases) {
        auto reply = api().send(method, path(id, rest), body, {});
        EXPECT_EQ(reply.status, status)
            << method << " " << rest << " " << body << ": " << reply.body;
        EXPECT_EQ(reply.error_field(), field) << rest << " " << body;
    }
    EXPECT_EQ(snapshot(id), before);
    EXPECT_EQ(wire(id).at("status_id"), "1");
}

TEST_F(OrdersApi, AHundredCharacterShipmentNumberIsAccepted) {
    const auto id = create(order_file(1));
    std::string number;
    for (int i = 0; i < 100; ++i) number += "Ż";
    auto reply = api().post(path(id, "/shipments"), R"({"number":")" + number + "\"}");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(wire(id).at("delivery_package_nr"), json::value(number));
}

}  // namespace
}  // namespace admin_test
