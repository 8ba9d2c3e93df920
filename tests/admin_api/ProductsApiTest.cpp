// /products, /categories, /manufacturers over HTTP: listing with filters and cursor paging, one
// product with every field, saving a product record (the import file's format), stock and price
// through the connector's own batch operations — each read back through the API and through what
// BaseLinker sees (ProductsList, ProductsQuantity, ProductsPrices) — and bad input that gets the
// documented error and changes nothing.
#include <map>
#include <set>
#include <tuple>

#include "AdminApiFixture.h"

namespace admin_test {
namespace {

namespace json = boost::json;

// A product record as staff would send it (docs/import.md), with two variants.
const std::string kShirt =
    R"({"id":"API-SHIRT","sku":"API-SHIRT","name":"Koszulka API","price":"49.99","tax":"5.5",)"
    R"("variants":[{"id":"API-SHIRT-M","sku":"API-SHIRT-M","name":"Czerwony M","stock":4},)"
    R"({"id":"API-SHIRT-XL","sku":"API-SHIRT-XL","name":"Czerwony XL","price":"54.99","stock":3}]})";

class ProductsApi : public AdminApiTest {
  protected:
    std::int64_t demo_products() const override { return 12; }
    void SetUp() override {
        AdminApiTest::SetUp();
        api_ = std::make_unique<AdminClient>(with_token());
    }
    AdminClient& api() { return *api_; }

    // A simple product record (no variants) with `stock`.
    static std::string mug(const std::string& key, std::int64_t stock = 25) {
        return R"({"id":")" + key + R"(","sku":")" + key +
               R"(","ean":"5901234123457","model":"M-300","name":"Kubek Żółty 300 ml",)"
               R"("manufacturer":"Ceramika API","price":"12.50","promo_price":null,"tax":23,)"
               R"("weight":0.35,"height":10,"width":8.5,"length":8,"description":"<p>Opis</p>",)"
               R"("description_short":"Krótki","location":"A-1-3","url":"https://shop.example/k",)"
               R"("active":true,"stock":)" +
               std::to_string(stock) +
               R"(,"images":["https://img.example/1.jpg","https://img.example/2.jpg"],)"
               R"("features":[["Materiał","ceramika"],["Pojemność",300]]})";
    }
    store::Id create(const std::string& body) {
        auto reply = api().post("/products", body);
        EXPECT_EQ(reply.status, 201) << reply.body;
        if (reply.status != 201) return 0;
        EXPECT_EQ(reply.json().as_object().size(), 1u) << reply.body;
        return reply.json().at("id").as_int64();
    }
    json::value product(store::Id id) {
        auto reply = api().get("/products/" + std::to_string(id));
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json();
    }
    // The product as the API shows it, to prove a failed request changed nothing.
    std::string snapshot(store::Id id) { return api().get("/products/" + std::to_string(id)).body; }
    std::int64_t product_count() { return db()->catalog().product_count(); }
    std::string connector(const std::string& action, std::map<std::string, std::string> f = {}) {
        auto reply = server_->call(action, std::move(f));
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.body;
    }
    json::value connector_json(const std::string& action,
                               std::map<std::string, std::string> f = {}) {
        return json::parse(connector(action, std::move(f)));
    }
    // The first variant id of a product read through the API.
    store::Id variant(store::Id id, std::size_t n = 0) {
        return product(id).at("variants").as_array().at(n).at("id").as_int64();
    }
    static std::string path(store::Id id, const std::string& rest = "") {
        return "/products/" + std::to_string(id) + rest;
    }
    void expect_error(const Reply& reply, int status, const std::string& code,
                      const std::string& field, const std::string& context) {
        EXPECT_EQ(reply.status, status) << context << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), code) << context << ": " << reply.body;
        EXPECT_EQ(reply.error_field(), field) << context << ": " << reply.body;
    }

    std::unique_ptr<AdminClient> api_;
};

std::vector<std::int64_t> ids_of(const json::value& page) {
    std::vector<std::int64_t> ids;
    for (const auto& item : page.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    return ids;
}

// ---- listing ----

TEST_F(ProductsApi, ListPagesWithAnOpaqueCursorUntilNull) {
    std::vector<std::int64_t> seen;
    std::string cursor;
    for (int pages = 0; pages < 10; ++pages) {
        auto reply = api().get("/products?limit=5" + (cursor.empty() ? "" : "&cursor=" + cursor));
        ASSERT_EQ(reply.status, 200) << reply.body;
        const auto page = reply.json();
        EXPECT_EQ(page.at("total"), json::value(12));
        for (auto id : ids_of(page)) seen.push_back(id);
        if (page.at("next_cursor").is_null()) break;
        cursor = std::string(page.at("next_cursor").as_string());
    }
    ASSERT_EQ(seen.size(), 12u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), 12u);
}

TEST_F(ProductsApi, ListItemsHaveTheDocumentedShapeAndTheConnectorsFigures) {
    const auto page = api().get("/products").json();
    EXPECT_TRUE(page.at("next_cursor").is_null());
    const auto list = connector_json("ProductsList");
    for (const auto& item : page.at("items").as_array()) {
        const auto& o = item.as_object();
        EXPECT_EQ(o.size(), 6u) << json::serialize(item);
        for (const char* key : {"name", "sku", "ean", "price"}) EXPECT_TRUE(o.at(key).is_string());
        const auto& wire = list.at(std::to_string(o.at("id").as_int64()));
        EXPECT_EQ(o.at("quantity"), wire.at("quantity"));
        EXPECT_EQ(o.at("name"), wire.at("name"));
        EXPECT_EQ(o.at("sku"), wire.at("sku"));
    }
}

TEST_F(ProductsApi, ListFiltersNarrowTheResult) {
    const auto id = create(mug("API-MUG", 7));
    auto only = [&](const std::string& query) {
        auto reply = api().get("/products?" + query);
        EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
        return ids_of(reply.json());
    };
    const std::vector<std::int64_t> just{id};
    EXPECT_EQ(only("q=%C5%BB%C3%93%C5%81TY"), just) << "ŻÓŁTY finds Żółty (case folding)";
    EXPECT_EQ(only("sku=API-MUG"), just);
    EXPECT_EQ(only("sku=API-MUG&ean=5901234123457"), just);
    EXPECT_EQ(
        only("q=%C5%BC%C3%B3%C5%82ty&quantity_from=7&quantity_to=7&price_from=12.50&price_to=12.5"),
        just);
    EXPECT_TRUE(only("sku=API-MUG&active=false").empty());
    EXPECT_TRUE(only("sku=API-MUG&price_from=12.51").empty());
    const auto by_price = api().get("/products?sort=price&order=desc&limit=200").json();
    std::vector<std::string> prices;
    for (const auto& item : by_price.at("items").as_array()) {
        prices.emplace_back(item.at("price").as_string());
    }
    EXPECT_TRUE(std::is_sorted(prices.begin(), prices.end(), [](const auto& a, const auto& b) {
        return std::stod(a) > std::stod(b);
    }));
}

TEST_F(ProductsApi, ListByCategoryIncludesItsProducts) {
    const auto categories = api().get("/categories").json().at("items").as_array();
    for (const auto& c : categories) {
        if (c.at("products").as_int64() == 0) continue;
        const auto id = c.at("id").as_int64();
        const auto page = api().get("/products?limit=200&category_id=" + std::to_string(id));
        ASSERT_EQ(page.status, 200) << page.body;
        EXPECT_GE(page.json().at("total").as_int64(), c.at("products").as_int64());
        return;
    }
    FAIL() << "no category with products";
}

TEST_F(ProductsApi, SqlMetacharactersInFiltersAreJustText) {
    for (const char* query : {"q=%27%20OR%201%3D1%20--", "q=%25", "q=_", "q=%22%3B%20DROP%20TABLE",
                              "sku=%27%20OR%20%271%27%3D%271", "ean=%25"}) {
        auto reply = api().get(std::string("/products?") + query);
        ASSERT_EQ(reply.status, 200) << query << ": " << reply.body;
        EXPECT_EQ(reply.json().at("total"), json::value(0)) << query;
        EXPECT_TRUE(reply.json().at("items").as_array().empty()) << query;
    }
    EXPECT_EQ(product_count(), 12);
}

TEST_F(ProductsApi, BadListQueriesAre422NamingTheParameter) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"sort=colour", "sort"},
        {"order=up", "order"},
        {"limit=0", "limit"},
        {"limit=201", "limit"},
        {"limit=ten", "limit"},
        {"cursor=abc", "cursor"},
        {"cursor=-5", "cursor"},
        {"cursor=1e3", "cursor"},
        {"price_from=1.234", "price_from"},
        {"price_to=12,50", "price_to"},
        {"quantity_from=x", "quantity_from"},
        {"category_id=dom", "category_id"},
        {"active=maybe", "active"},
        {"q=%FF%FE", "q"},
    };
    for (const auto& [query, field] : cases) {
        expect_error(api().get("/products?" + query), 422, "invalid_field", field, query);
    }
}

// ---- one product ----

TEST_F(ProductsApi, DetailHasEveryFieldOfTheRecord) {
    const auto categories = api().get("/categories").json().at("items").as_array();
    ASSERT_FALSE(categories.empty());
    const auto& category = categories.back().as_object();
    std::string body = mug("API-FULL");
    body.insert(1, R"("category":")" + std::string(category.at("external_id").as_string()) +
                       R"(","description_extra3":"trzeci",)");
    const auto id = create(body);
    const auto p = product(id).as_object();
    EXPECT_EQ(p.at("id"), json::value(id));
    EXPECT_EQ(p.at("external_id"), "API-FULL");
    EXPECT_EQ(p.at("name"), "Kubek Żółty 300 ml");
    EXPECT_EQ(p.at("sku"), "API-FULL");
    EXPECT_EQ(p.at("ean"), "5901234123457");
    EXPECT_EQ(p.at("model"), "M-300");
    EXPECT_EQ(p.at("quantity"), json::value(25));
    EXPECT_EQ(p.at("price"), "12.50");
    EXPECT_EQ(p.at("tax_rate"), "23");
    EXPECT_EQ(p.at("weight_kg"), json::value(0.35));
    EXPECT_EQ(p.at("width_cm"), json::value(8.5));
    EXPECT_EQ(p.at("description"), "<p>Opis</p>");
    EXPECT_EQ(p.at("short_description"), "Krótki");
    EXPECT_EQ(p.at("description_extra3"), "trzeci");
    EXPECT_EQ(p.at("manufacturer"), "Ceramika API");
    EXPECT_EQ(p.at("category").at("id"), category.at("id"));
    EXPECT_EQ(p.at("category").at("path"), category.at("path"));
    EXPECT_EQ(p.at("active"), json::value(true));
    EXPECT_EQ(p.at("url"), "https://shop.example/k");
    EXPECT_EQ(p.at("location"), "A-1-3");
    EXPECT_EQ(json::serialize(p.at("images")),
              R"(["https://img.example/1.jpg","https://img.example/2.jpg"])");
    EXPECT_EQ(json::serialize(p.at("features")),
              R"([{"name":"Materiał","value":"ceramika"},{"name":"Pojemność","value":"300"}])");
    EXPECT_TRUE(p.at("variants").as_array().empty());
}

TEST_F(ProductsApi, UnknownProductIs404) {
    expect_error(api().get("/products/999999"), 404, "not_found", "", "GET");
    expect_error(api().put("/products/999999/stock", R"({"quantity":1})"), 404, "not_found", "",
                 "stock");
    expect_error(api().get("/products/abc"), 404, "not_found", "", "not an id");
}

// ---- saving a product record ----

TEST_F(ProductsApi, CreateWithVariantsAppearsInTheApiAndInProductsQuantity) {
    const auto id = create(kShirt);
    const auto p = product(id);
    EXPECT_EQ(p.at("quantity"), json::value(7)) << "the sum of the variants";
    EXPECT_EQ(p.at("tax_rate"), "5.5");
    const auto& variants = p.at("variants").as_array();
    ASSERT_EQ(variants.size(), 2u);
    EXPECT_EQ(variants[0].at("name"), "Czerwony M");
    EXPECT_EQ(variants[0].at("price"), "49.99") << "the product's price when absent";
    EXPECT_EQ(variants[1].at("price"), "54.99");
    EXPECT_EQ(variants[1].at("quantity"), json::value(3));
    EXPECT_EQ(product_count(), 13);
    const auto stock = connector_json("ProductsQuantity");
    const auto& wire = stock.at(std::to_string(id));
    EXPECT_EQ(wire.at("0"), json::value(7));
    EXPECT_EQ(wire.at(std::to_string(variants[1].at("id").as_int64())), json::value(3));
}

TEST_F(ProductsApi, ReplaceKeepsTheIdAndChangesTheContent) {
    const auto id = create(mug("API-OLD"));
    const std::string changed = R"({"id":"API-NEW","sku":"API-NEW","name":"Kubek nowy",)"
                                R"("price":19.99,"stock":3})";
    auto reply = api().put(path(id), changed);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"id":)" + std::to_string(id) + "}");
    const auto p = product(id);
    EXPECT_EQ(p.at("external_id"), "API-NEW");
    EXPECT_EQ(p.at("name"), "Kubek nowy");
    EXPECT_EQ(p.at("price"), "19.99") << "a JSON number read exactly";
    EXPECT_EQ(p.at("quantity"), json::value(3));
    EXPECT_TRUE(p.at("images").as_array().empty()) << "the content is replaced";
    EXPECT_EQ(product_count(), 13);
    const auto list = connector_json("ProductsList", {{"filter_id", std::to_string(id)}});
    EXPECT_EQ(list.at(std::to_string(id)).at("name"), "Kubek nowy");
}

TEST_F(ProductsApi, PostingAKnownRecordUpdatesThatProductAsImportDoes) {
    const auto id = create(mug("API-AGAIN"));
    std::string again = mug("API-AGAIN");
    again.replace(again.find("Kubek Żółty"), 14, "Kubek Zielony");
    EXPECT_EQ(create(again), id);
    EXPECT_EQ(product(id).at("name"), "Kubek Zielony 300 ml");
    EXPECT_EQ(product_count(), 13);
}

TEST_F(ProductsApi, ReplacingWithoutVariantsKeepsTheVariantsAndTheirSum) {
    const auto id = create(kShirt);
    auto reply = api().put(path(id), R"({"id":"API-SHIRT","name":"Koszulka","price":"45.00"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto p = product(id);
    EXPECT_EQ(p.at("name"), "Koszulka");
    EXPECT_EQ(p.at("variants").as_array().size(), 2u);
    EXPECT_EQ(p.at("quantity"), json::value(7));
}

TEST_F(ProductsApi, AKeyOfAnotherProductIs409AndChangesNothing) {
    const auto a = create(mug("API-A"));
    const auto b = create(mug("API-B"));
    const auto before = snapshot(b);
    std::string taken = mug("API-B");
    taken.replace(taken.find(R"("sku":"API-B")"), 13, R"("sku":"API-A")");
    auto reply = api().put(path(b), taken);
    expect_error(reply, 409, "conflict", "sku", "sku of another product");
    EXPECT_EQ(snapshot(b), before);
    reply = api().put(path(b), mug("API-A"));
    EXPECT_EQ(reply.status, 409) << reply.body;
    EXPECT_EQ(reply.error_code(), "conflict");
    reply = api().post("/products", R"({"id":"API-C","sku":"API-A","name":"C","price":1})");
    expect_error(reply, 409, "conflict", "sku", "create with a taken sku");
    EXPECT_EQ(product_count(), 14);
    EXPECT_EQ(product(a).at("sku"), "API-A");
}

TEST_F(ProductsApi, ReplacingAnUnknownProductIs404AndCreatesNothing) {
    expect_error(api().put("/products/999999", mug("API-GHOST")), 404, "not_found", "", "put");
    EXPECT_EQ(product_count(), 12);
    EXPECT_EQ(api().get("/products?sku=API-GHOST").json().at("total"), json::value(0));
}

TEST_F(ProductsApi, BadProductBodiesGetTheDocumentedErrorAndChangeNothing) {
    const auto id = create(mug("API-KEEP"));
    const auto before = snapshot(id);
    const std::vector<std::tuple<std::string, int, std::string, std::string>> cases = {
        {"", 400, "invalid_json", ""},
        {"{\"name\":", 400, "invalid_json", ""},
        {"[1,2]", 400, "invalid_json", ""},
        {std::string("{\"id\":\"API-KEEP\",\"name\":\"\xC3\x28\",\"price\":1}"), 400,
         "invalid_json", ""},
        {R"({"id":"API-KEEP","name":"a","name":"b","price":1})", 400, "invalid_json", "name"},
        {R"({"id":"API-KEEP","name":"a","price":1,"colour":"red"})", 422, "invalid_field",
         "colour"},
        {R"({"id":"API-KEEP","name":"a","price":"1.234"})", 422, "invalid_field", "price"},
        {R"({"id":"API-KEEP","name":"a","price":-1})", 422, "invalid_field", "price"},
        {R"({"id":"API-KEEP","name":"a"})", 422, "invalid_field", "price"},
        {R"({"id":"API-KEEP","price":1})", 422, "invalid_field", "name"},
        {R"({"name":"a","price":1})", 422, "invalid_field", "id"},
        {R"({"id":"API-KEEP","name":"a","price":1,"stock":-1})", 422, "invalid_field", "stock"},
        {R"({"id":"API-KEEP","name":"a","price":1,"stock":"lots"})", 422, "invalid_field", "stock"},
        {R"({"id":"API-KEEP","name":"a","price":1,"active":"yes"})", 422, "invalid_field",
         "active"},
        {R"({"id":"API-KEEP","name":"a","price":1,"images":"x.jpg"})", 422, "invalid_field",
         "images"},
        {R"({"id":"API-KEEP","name":"a","price":1,"category":"no-such-category"})", 422,
         "invalid_field", "category"},
        {R"({"id":"API-KEEP","name":"a","price":1,"variants":[{"id":"v1","name":"M"},)"
         R"({"id":"v2"}]})",
         422, "invalid_field", "variants[2].name"},
        {R"({"id":"API-KEEP","name":"a","price":1,"variants":[{"id":"v1","name":"M",)"
         R"("stock":-2}]})",
         422, "invalid_field", "variants[1].stock"},
    };
    for (const auto& [body, status, code, field] : cases) {
        expect_error(api().put(path(id), body), status, code, field, body);
        expect_error(api().post("/products", body), status, code, field, "POST " + body);
    }
    EXPECT_EQ(snapshot(id), before);
    EXPECT_EQ(product_count(), 13);
}

// ---- stock ----

TEST_F(ProductsApi, StockSetAndChangeAreWhatProductsQuantityReports) {
    const auto id = create(mug("API-STOCK", 5));
    auto reply = api().put(path(id, "/stock"), R"({"quantity":12})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"quantity":12})");
    EXPECT_EQ(connector_json("ProductsQuantity").at(std::to_string(id)).at("0"), json::value(12));
    reply = api().put(path(id, "/stock"), R"({"change":-2})");
    EXPECT_EQ(reply.body, R"({"quantity":10})");
    EXPECT_EQ(product(id).at("quantity"), json::value(10));
    EXPECT_EQ(connector_json("ProductsQuantity").at(std::to_string(id)).at("0"), json::value(10));
}

TEST_F(ProductsApi, StockNeverGoesBelowZeroAndTheClampIsNoted) {
    const auto id = create(mug("API-CLAMP", 3));
    auto reply = api().put(path(id, "/stock"), R"({"change":-5})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("quantity"), json::value(0));
    EXPECT_NE(std::string(reply.json().at("note").as_string()).find("clamped"), std::string::npos);
    EXPECT_EQ(product(id).at("quantity"), json::value(0));
}

TEST_F(ProductsApi, VariantStockChangesTheVariantAndTheProductsSum) {
    const auto id = create(kShirt);
    const auto xl = variant(id, 1);
    auto reply =
        api().put(path(id, "/variants/" + std::to_string(xl) + "/stock"), R"({"quantity":10})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"quantity":10})");
    EXPECT_EQ(product(id).at("quantity"), json::value(14)) << "4 + 10";
    const auto wire = connector_json("ProductsQuantity").at(std::to_string(id));
    EXPECT_EQ(wire.at(std::to_string(xl)), json::value(10));
    EXPECT_EQ(wire.at("0"), json::value(14));
}

TEST_F(ProductsApi, BadStockChangesGetTheDocumentedErrorAndChangeNothing) {
    const auto simple = create(mug("API-S", 6));
    const auto shirt = create(kShirt);
    const auto before_simple = snapshot(simple);
    const auto before_shirt = snapshot(shirt);
    const auto m = std::to_string(variant(shirt));
    const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
        {path(shirt, "/stock"), R"({"quantity":5})", 422, "quantity"},  // has variants
        {path(shirt, "/stock"), R"({"change":1})", 422, "change"},
        {path(simple, "/stock"), R"({"quantity":-1})", 422, "quantity"},
        {path(simple, "/stock"), R"({"quantity":"5"})", 422, "quantity"},
        {path(simple, "/stock"), R"({"quantity":1.5})", 422, "quantity"},
        {path(simple, "/stock"), R"({"quantity":5,"change":1})", 422, "quantity"},
        {path(simple, "/stock"), R"({})", 422, "quantity"},
        {path(simple, "/stock"), R"({"quantity":5,"note":"x"})", 422, "note"},
        {path(simple, "/stock"), R"({"change":9223372036854775807})", 422, "change"},
        {path(simple, "/stock"), R"({"quantity":1000000001})", 422, "quantity"},  // above 10^9
        {path(simple, "/stock"), R"({"quantity":5)", 400, ""},
        {path(999999, "/stock"), R"({"quantity":5})", 404, ""},
        {path(simple, "/variants/999999/stock"), R"({"quantity":5})", 404, ""},
        {path(simple, "/variants/" + m + "/stock"), R"({"quantity":5})", 404, ""},
    };
    for (const auto& [where, body, status, field] : cases) {
        auto reply = api().put(where, body);
        EXPECT_EQ(reply.status, status) << where << " " << body << ": " << reply.body;
        EXPECT_EQ(reply.error_field(), field) << where << " " << body;
    }
    EXPECT_EQ(snapshot(simple), before_simple);
    EXPECT_EQ(snapshot(shirt), before_shirt);
}

// ---- price ----

TEST_F(ProductsApi, PriceIsWhatProductsPricesReports) {
    const auto id = create(mug("API-PRICE"));
    auto reply = api().put(path(id, "/price"), R"({"price":"129.99"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"price":"129.99"})");
    EXPECT_EQ(product(id).at("price"), "129.99");
    EXPECT_NE(connector("ProductsPrices").find("\"" + std::to_string(id) + R"(":{"0":129.99})"),
              std::string::npos);
    reply = api().put(path(id, "/price"), R"({"price":19.9})");
    EXPECT_EQ(reply.body, R"({"price":"19.90"})") << "a number is read from its text";
}

TEST_F(ProductsApi, ANewPriceEndsAPromotionAndSaysSo) {
    std::string body = mug("API-PROMO");
    body.replace(body.find(R"("promo_price":null)"), 18, R"("promo_price":"9.99")");
    const auto id = create(body);
    EXPECT_EQ(product(id).at("price"), "9.99") << "the reported price is the promotion";
    auto reply = api().put(path(id, "/price"), R"({"price":"11.00"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("price"), "11.00");
    EXPECT_TRUE(reply.json().as_object().contains("note")) << reply.body;
    EXPECT_EQ(product(id).at("price"), "11.00");
}

TEST_F(ProductsApi, VariantPriceChangesOnlyThatVariant) {
    const auto id = create(kShirt);
    const auto xl = variant(id, 1);
    auto reply =
        api().put(path(id, "/variants/" + std::to_string(xl) + "/price"), R"({"price":"59.00"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, R"({"price":"59.00"})");
    const auto p = product(id);
    EXPECT_EQ(p.at("variants").at(0).at("price"), "49.99");
    EXPECT_EQ(p.at("variants").at(1).at("price"), "59.00");
    EXPECT_NE(connector("ProductsPrices").find("\"" + std::to_string(xl) + "\":59.00"),
              std::string::npos);
}

TEST_F(ProductsApi, BadPricesGetTheDocumentedErrorAndChangeNothing) {
    const auto id = create(mug("API-P"));
    const auto before = snapshot(id);
    const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
        {path(id, "/price"), R"({"price":0})", 422, "price"},
        {path(id, "/price"), R"({"price":"0.00"})", 422, "price"},
        {path(id, "/price"), R"({"price":"-1.00"})", 422, "price"},
        {path(id, "/price"), R"({"price":"1.234"})", 422, "price"},
        {path(id, "/price"), R"({"price":1e2})", 422, "price"},
        {path(id, "/price"), R"({"price":true})", 422, "price"},
        {path(id, "/price"), R"({})", 422, "price"},
        {path(id, "/price"), R"({"price":"5.00","currency":"PLN"})", 422, "currency"},
        {path(999999, "/price"), R"({"price":"5.00"})", 404, ""},
        {path(id, "/variants/999999/price"), R"({"price":"5.00"})", 404, ""},
    };
    for (const auto& [where, body, status, field] : cases) {
        auto reply = api().put(where, body);
        EXPECT_EQ(reply.status, status) << where << " " << body << ": " << reply.body;
        EXPECT_EQ(reply.error_field(), field) << where << " " << body;
    }
    EXPECT_EQ(snapshot(id), before);
}

// ---- categories and manufacturers ----

TEST_F(ProductsApi, CategoriesListEveryCategoryWithItsProductCount) {
    const auto items = api().get("/categories").json().at("items").as_array();
    const auto rows = db()->lookups().categories();
    ASSERT_EQ(items.size(), rows.size());
    ASSERT_FALSE(rows.empty());
    std::int64_t products = 0;
    bool child = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& item = items[i].as_object();
        EXPECT_EQ(item.size(), 7u);
        EXPECT_EQ(item.at("id"), json::value(rows[i].id));
        EXPECT_EQ(item.at("path"), json::value(rows[i].path));
        EXPECT_EQ(item.at("external_id"), json::value(rows[i].external_id));
        EXPECT_EQ(item.at("active"), json::value(rows[i].active));
        if (rows[i].parent_id) {
            child = true;
            EXPECT_EQ(item.at("parent_id"), json::value(*rows[i].parent_id));
        } else {
            EXPECT_TRUE(item.at("parent_id").is_null());
        }
        products += item.at("products").as_int64();
    }
    EXPECT_TRUE(child);
    EXPECT_GT(products, 0);
}

TEST_F(ProductsApi, ManufacturersListWithLogoAndCountsIncludingOnesMadeByASave) {
    create(mug("API-MAKER"));
    const auto items = api().get("/manufacturers").json().at("items").as_array();
    ASSERT_EQ(items.size(), db()->lookups().manufacturers().size());
    bool found = false;
    for (const auto& item : items) {
        EXPECT_EQ(item.as_object().size(), 4u);
        EXPECT_TRUE(item.at("logo_url").is_string());
        if (item.at("name") == "Ceramika API") {
            found = true;
            EXPECT_EQ(item.at("products"), json::value(1));
        }
    }
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace admin_test
