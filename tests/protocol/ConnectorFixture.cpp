#include "ConnectorFixture.h"
#include "support/Must.h"

#include <stdlib.h>

#include <filesystem>

namespace connector_test {

std::string url_encode(std::string_view text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string form_body(const Fields& fields) {
    std::string body;
    for (const auto& [name, value] : fields) {
        if (!body.empty()) body += '&';
        body += url_encode(name) + "=" + url_encode(value);
    }
    return body;
}

namespace {

store::ImportCategory category(std::string id, std::string parent, std::string name,
                               bool active = true) {
    return store::ImportCategory{std::move(id), std::move(parent), std::move(name), active};
}

core::Money money(const char* text) {
    return *core::Money::parse(text);
}

store::ImportProduct kubek() {
    store::ImportProduct p;
    p.external_id = "p-kubek";
    p.sku = "KUB-1";
    p.ean = "5901234123457";
    p.model = "K1";
    p.name = "Kubek ceramiczny";
    p.category_external_id = "c-kubki";
    p.manufacturer_name = "Ceramika Bolesławiec";
    p.price = money("12.50");
    p.tax_rate_bp = 2300;
    p.weight_kg = 0.35;
    p.height_cm = 10;
    p.width_cm = 8.5;
    p.length_cm = 8.5;
    p.description = "<p>Kubek \"330 ml\"</p>";
    p.description_extra[0] = "Krótki opis";
    p.description_extra[1] = "e2";
    p.description_extra[2] = "e3";
    p.description_extra[3] = "e4";
    p.location = "A-01";
    p.url = "/kubek-ceramiczny";
    p.stock = 7;
    p.images = {"/img/p/kubek-1.jpg", "https://cdn.example.com/kubek-2.jpg"};
    p.features = {{"Kolor", "biały"}, {"Materiał", "ceramika"}, {"Kolor", "niebieski"}};
    return p;
}

store::ImportProduct zolw() {
    store::ImportProduct p;
    p.external_id = "p-zolw";
    p.sku = "ZOLW";
    p.ean = "5900000000004";
    p.name = "Żółw pluszowy";
    p.category_external_id = "c-akcesoria";
    p.price = money("49.99");
    p.promo_price = money("39.90");
    p.tax_rate_bp = 550;
    p.images = {"img/zolw.jpg"};
    store::ImportVariant small;
    small.external_id = "v-s";
    small.sku = "ZOLW-S";
    small.ean = "5900000000011";
    small.name = "Mały";
    small.price = money("39.00");
    small.stock = 3;
    store::ImportVariant large;
    large.external_id = "v-l";
    large.sku = "ZOLW-L";
    large.name = "Duży";
    large.price = money("59.00");
    large.stock = 5;
    large.images = {"/img/zolw-l.jpg"};
    large.features = {{"Rozmiar", "L"}};
    p.variants = {small, large};
    return p;
}

store::ImportProduct simple(std::string sku, std::string name, std::string category,
                            const char* price, std::int64_t stock, bool active = true) {
    store::ImportProduct p;
    p.external_id = "p-" + sku;
    p.sku = std::move(sku);
    p.name = std::move(name);
    p.category_external_id = std::move(category);
    p.price = money(price);
    p.stock = stock;
    p.active = active;
    return p;
}

}  // namespace

store::ImportBatch connector_catalog() {
    store::ImportBatch batch;
    batch.categories = {
        category("c-dom", "", "Dom"),
        category("c-kuchnia", "c-dom", "Kuchnia"),
        category("c-kubki", "c-kuchnia", "Kubki"),
        category("c-ukryte", "", "Ukryte", false),
        category("c-pod", "c-ukryte", "Pod ukrytą"),
        category("c-akcesoria", "", "akcesoria"),
    };
    batch.manufacturers = {{"Ceramika Bolesławiec", "/img/m/ceramika.png"}};
    batch.products = {kubek(), zolw(),
                      simple("TALERZ", "Talerz płytki", "c-kuchnia", "20.00", 0, false),
                      simple("NOZ", "Nóż kuchenny", "", "100.00", 15),
                      simple("SZT", "Sztućce (zestaw)", "c-pod", "5.05", 2)};
    return batch;
}

protocol::EndpointSettings ConnectorTest::default_settings() const {
    protocol::EndpointSettings settings;
    settings.password = kPassword;
    settings.throttle_failures = 5;
    settings.throttle_window_s = 600;
    settings.connector.base_url = "https://shop.example.pl";
    return settings;
}

void ConnectorTest::SetUp() {
    db_ = std::make_unique<testing_support::TempDb>();
    store_ = db_->init(store::StoreOptions{});
    must(store_->catalog().import(connector_catalog(), nullptr, nullptr));
    journal_ = std::make_unique<journal::Writer>(store_->journal(), 30);
    auto settings = default_settings();
    configure(settings);
    rebuild(settings);
}

void ConnectorTest::TearDown() {
    endpoint_.reset();
    journal_.reset();
    store_.reset();
    db_.reset();
}

void ConnectorTest::rebuild(const protocol::EndpointSettings& settings) {
    endpoint_ = std::make_unique<protocol::Endpoint>(settings, *store_, journal_.get());
}

core::WebResponse ConnectorTest::request(core::WebRequest request) {
    return endpoint_->handle(request);
}

core::WebResponse ConnectorTest::post(const Fields& fields, const std::string& client) {
    core::WebRequest r;
    r.method = "POST";
    r.path = "/baselinker";
    r.content_type = "application/x-www-form-urlencoded";
    r.body = form_body(fields);
    r.client_ip = client;
    return request(std::move(r));
}

core::WebResponse ConnectorTest::call(const std::string& action, const Fields& fields) {
    Fields all{{"bl_pass", kPassword}, {"action", action}};
    all.insert(all.end(), fields.begin(), fields.end());
    return post(all);
}

boost::json::value ConnectorTest::parse(const core::WebResponse& response) {
    boost::system::error_code ec;
    auto value = boost::json::parse(response.body, ec);
    EXPECT_FALSE(ec) << "not JSON: " << response.body;
    return value;
}

void ConnectorTest::expect_error(const core::WebResponse& response, const std::string& code,
                                 int status) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
    auto value = parse(response);
    ASSERT_TRUE(value.is_object()) << response.body;
    const auto& object = value.as_object();
    EXPECT_EQ(object.size(), 3u) << response.body;
    EXPECT_EQ(object.at("error"), boost::json::value(true)) << response.body;
    EXPECT_EQ(object.at("error_code"), boost::json::value(code)) << response.body;
    EXPECT_TRUE(object.at("error_text").is_string()) << response.body;
    EXPECT_TRUE(response.body.starts_with("{\"error\":true,\"error_code\":\"" + code +
                                          "\",\"error_text\":\""))
        << response.body;
}

store::Id ConnectorTest::product_id(const std::string& sku) {
    store::ProductFilter filter;
    filter.sku = sku;
    auto page = store_->catalog().list_products(filter, store::Slice{0, 10});
    EXPECT_EQ(page.rows.size(), 1u) << sku;
    return page.rows.empty() ? 0 : page.rows[0].id;
}

store::Id ConnectorTest::variant_id(const std::string& product_sku,
                                    const std::string& variant_sku) {
    const store::Id ids[] = {product_id(product_sku)};
    auto details = store_->catalog().product_details(ids, store::DetailParts{});
    if (details.size() != 1) return 0;
    for (const auto& variant : details[0].variants) {
        if (variant.sku == variant_sku) return variant.id;
    }
    ADD_FAILURE() << "no variant " << variant_sku;
    return 0;
}

std::vector<store::JournalEntry> ConnectorTest::journal_entries() {
    journal_->flush();
    store::JournalQuery query;
    query.limit = 1000;
    return store_->journal().query(query);
}

std::string ConnectorTest::catalogue_state() {
    std::string state;
    for (const char* action :
         {"ProductsList", "ProductsQuantity", "ProductsPrices", "ProductsCategories"}) {
        state += call(action).body + "\n";
    }
    state += call("ProductsData", {{"products_id", "1,2,3,4,5,6,7,8"}}).body;
    return state;
}

}  // namespace connector_test
