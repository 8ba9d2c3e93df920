// OrderAdd over HTTP (docs/protocol.md §3.2): the example of docs/protocol.md §6.1 round-trips
// through OrdersGet, exactly once however often and however concurrently it is sent, replacement
// in place, matching, stock and oversell, the unknown_products policy, and validation that writes
// nothing.
#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "ConnectorOrderFixture.h"

namespace order_test {
namespace {

std::int64_t unix_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

const std::vector<std::string> kOrderKeys = {"delivery_fullname",
                                             "delivery_company",
                                             "delivery_address",
                                             "delivery_city",
                                             "delivery_postcode",
                                             "delivery_state_code",
                                             "delivery_country",
                                             "delivery_country_code",
                                             "invoice_fullname",
                                             "invoice_company",
                                             "invoice_nip",
                                             "invoice_address",
                                             "invoice_city",
                                             "invoice_postcode",
                                             "invoice_state_code",
                                             "invoice_country",
                                             "invoice_country_code",
                                             "want_invoice",
                                             "delivery_point_id",
                                             "delivery_point_name",
                                             "delivery_point_address",
                                             "delivery_point_postcode",
                                             "delivery_point_city",
                                             "phone",
                                             "email",
                                             "date_add",
                                             "status_id",
                                             "payment_method",
                                             "payment_method_id",
                                             "payment_method_cod",
                                             "paid",
                                             "paid_time",
                                             "currency",
                                             "delivery_method",
                                             "delivery_method_id",
                                             "delivery_price",
                                             "delivery_package_nr",
                                             "delivery_package_module",
                                             "user_comments",
                                             "admin_comments",
                                             "products"};

std::vector<std::string> keys_of(const json::value& value) {
    std::vector<std::string> keys;
    for (const auto& [key, v] : value.as_object()) keys.emplace_back(key);
    return keys;
}

using ConnectorOrderAdd = OrderHttpTest;

TEST_F(ConnectorOrderAdd, ExampleRoundTripsThroughOrdersGet) {
    const auto before = unix_now();
    const auto id = add_order(example_order());
    const auto after = unix_now();
    ASSERT_GT(id, 0);
    const auto reply = call("OrdersGet", {{"order_id", std::to_string(id)}});
    auto page = json::parse(reply.body);
    ASSERT_TRUE(page.is_object()) << reply.body;
    EXPECT_EQ(page.at("pages"), json::value(1));
    const auto& order = page.at(std::to_string(id));
    EXPECT_EQ(keys_of(order), kOrderKeys);
    // Every text field BaseLinker sent comes back unchanged (Polish letters included); ids come
    // back as the strings they were sent as.
    const auto sent = example_order();
    const std::set<std::string> not_text = {"want_invoice",   "paid",     "payment_method_cod",
                                            "delivery_price", "products", "date_add"};
    int compared = 0;
    for (const auto& [key, value] : order.as_object()) {
        const auto field = sent.find(std::string(key));
        if (field == sent.end() || not_text.count(std::string(key))) continue;
        EXPECT_EQ(value, json::value(field->second)) << key;
        ++compared;
    }
    EXPECT_GE(compared, 30);
    const json::value expected_rest = {{"invoice_state_code", ""},  {"want_invoice", 1},
                                       {"payment_method_cod", 0},   {"paid", 1},
                                       {"delivery_package_nr", ""}, {"delivery_package_module", ""},
                                       {"admin_comments", ""}};
    for (const auto& [key, value] : expected_rest.as_object()) {
        EXPECT_EQ(order.at(key), value) << key;
    }
    // Sent without date_add: the time of arrival, UTC; paid now.
    EXPECT_GE(order.at("date_add").as_int64(), before);
    EXPECT_LE(order.at("date_add").as_int64(), after);
    EXPECT_GE(order.at("paid_time").as_int64(), before);
    EXPECT_LE(order.at("paid_time").as_int64(), after);
    // Money on the wire: exactly two decimals, exactly what BaseLinker sent.
    EXPECT_NE(reply.body.find(R"("delivery_price":11.99)"), std::string::npos) << reply.body;
    EXPECT_NE(reply.body.find(R"("quantity":2,"price":34.90,"tax":23,"weight":)"),
              std::string::npos)
        << reply.body;
    EXPECT_NE(
        reply.body.find(R"("attributes":[{"name":"Kolor","value":"niebieski","price":0.00}])"),
        std::string::npos)
        << reply.body;
    const auto& lines = order.at("products").as_array();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(keys_of(lines[0]),
              (std::vector<std::string>{"id", "variant_id", "name", "sku", "ean", "quantity",
                                        "price", "tax", "weight", "attributes"}));
    EXPECT_EQ(lines[0].at("id"), json::value(std::to_string(parent_id_)));
    EXPECT_EQ(lines[0].at("variant_id"), json::value(std::to_string(variant_id_)));
    EXPECT_EQ(lines[0].at("name"), json::value("Kubek ceramiczny 330 ml, niebieski"));
    EXPECT_EQ(lines[0].at("sku"), json::value(variant_sku_));
    EXPECT_EQ(lines[0].at("ean"), json::value(variant_ean_));
    EXPECT_TRUE(lines[0].at("weight").is_number());
    // The free line: no catalogue product, kept with its sent name and price.
    EXPECT_NE(
        reply.body.find(R"({"id":"","variant_id":"0","name":"Grawer dedykacji","sku":"","ean":"",)"
                        R"("quantity":1,"price":15.00,"tax":23,"weight":0,"attributes":[]})"),
        std::string::npos)
        << reply.body;
    // Lines + delivery = total, exactly: 2 x 34.90 + 15.00 + 11.99.
    auto stored = second_->orders().order_detail(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->total(), *core::Money::parse("96.79"));
    EXPECT_EQ(stored->origin, store::OrderOrigin::BaseLinker);
    EXPECT_EQ(stored->baselinker_id, 48213377);
    EXPECT_EQ(stored->transaction_id, "9b2e1c40-7d1a-11ef-8a10-0242ac120002");
    EXPECT_EQ(stored->client_login, "ceramika_aga");
    EXPECT_EQ(stored->service_account, "21344");
    ASSERT_EQ(stored->lines.size(), 2u);
    EXPECT_EQ(stored->lines[0].auction_id, "15733492011");
    // Variant stock dropped by 2 in the same request; the parent follows the stock rule.
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
}

TEST_F(ConnectorOrderAdd, NumbersAsNumbersOrStringsGiveTheSameOrder) {
    auto as_numbers = example_order("1001");
    as_numbers["products"] = R"([{"id":)" + std::to_string(parent_id_) + R"(,"variant_id":)" +
                             std::to_string(variant_id_) +
                             R"(,"name":"Kubek","price":34.90,"quantity":2,"tax":23,)"
                             R"("attributes":[{"name":"Kolor","value":"niebieski","price":0}]},)"
                             R"({"id":"","name":"Grawer","price":5.5,"quantity":1,"tax":5.5}])";
    auto as_strings = example_order("1002");
    as_strings["products"] =
        R"([{"id":")" + std::to_string(parent_id_) + R"(","variant_id":")" +
        std::to_string(variant_id_) +
        R"(","name":"Kubek","price":"34.90","quantity":"2","tax":"23",)"
        R"("attributes":[{"name":"Kolor","value":"niebieski","price":"0"}]},)"
        R"({"id":"","name":"Grawer","price":"5.50","quantity":"1","tax":"5.5"}])";
    const auto first_id = add_order(as_numbers);
    const auto second_id = add_order(as_strings);
    auto first = get_order(first_id);
    auto second = get_order(second_id);
    ASSERT_TRUE(first.is_object() && second.is_object());
    for (auto* order : {&first, &second}) {
        order->as_object().erase("date_add");
        order->as_object().erase("paid_time");
    }
    EXPECT_EQ(first, second);
    // The lines byte for byte: the same exact money whichever way it was sent.
    auto lines_text = [&](store::Id id) {
        const auto body = call("OrdersGet", {{"order_id", std::to_string(id)}}).body;
        return body.substr(body.find("\"products\":"));
    };
    EXPECT_EQ(lines_text(first_id), lines_text(second_id));
    EXPECT_NE(lines_text(first_id).find(R"("price":5.50,"tax":5.5,)"), std::string::npos)
        << lines_text(first_id);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 4);
}

TEST_F(ConnectorOrderAdd, RepeatReturnsTheSameIdAndTakesStockOnce) {
    const auto id = add_order(example_order());
    auto changed = example_order();
    changed["delivery_city"] = "Warszawa";  // a re-send changes nothing, whatever it carries
    EXPECT_EQ(add_order(changed), id);
    EXPECT_EQ(add_order(example_order()), id);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
    EXPECT_EQ(get_order(id).at("delivery_city"), json::value("Kraków"));
    const auto detail = last_detail("OrderAdd");
    EXPECT_EQ(detail.at("result"), json::value("duplicate"));
    EXPECT_EQ(detail.at("order_id"), json::value(std::to_string(id)));
}

TEST_F(ConnectorOrderAdd, ThirtyTwoConcurrentIdenticalSendsMakeOneOrder) {
    constexpr int kSenders = 32;
    const auto fields = example_order();
    std::vector<std::string> answers(kSenders);
    std::vector<std::thread> threads;
    for (int i = 0; i < kSenders; ++i) {
        // Each thread has its own client, so its own connection.
        threads.emplace_back([&, i] { answers[i] = call("OrderAdd", fields).body; });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& answer : answers) EXPECT_EQ(answer, answers[0]);
    EXPECT_TRUE(answers[0].starts_with("{\"order_id\":\"")) << answers[0];
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
}

TEST_F(ConnectorOrderAdd, PreviousOrderIdReplacesInPlaceAndMovesStockByTheDifference) {
    const auto id = add_order(example_order("555", 2));
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
    auto bigger = example_order("555", 5);
    bigger["previous_order_id"] = std::to_string(id);
    EXPECT_EQ(add_order(bigger), id);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 5);
    EXPECT_EQ(get_order(id).at("products").at(0).at("quantity"), json::value(5));
    auto smaller = example_order("555", 1);
    smaller["previous_order_id"] = std::to_string(id);
    EXPECT_EQ(add_order(smaller), id);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 1);
    EXPECT_EQ(order_count(), 1);
    EXPECT_EQ(last_detail("OrderAdd").at("result"), json::value("replaced"));
    // An unknown previous order: a new one.
    auto unknown = example_order("556", 1);
    unknown["previous_order_id"] = "999999";
    const auto other = add_order(unknown);
    EXPECT_NE(other, id);
    EXPECT_EQ(order_count(), 2);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
}

TEST_F(ConnectorOrderAdd, NoStockChangeWithoutChangeProductsQuantity) {
    auto fields = example_order();
    fields["change_products_quantity"] = "0";
    const auto id = add_order(fields);
    EXPECT_GT(id, 0);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock);
}

TEST_F(ConnectorOrderAdd, OversellTakesStockToZeroAndIsRecorded) {
    set_stock(simple_id_, 0, 3);
    const auto id = add_order(simple_order("77", 5));
    ASSERT_GT(id, 0);
    EXPECT_EQ(stock(simple_id_), 0);
    auto stored = second_->orders().order_detail(id);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->lines.size(), 1u);
    EXPECT_EQ(stored->lines[0].stock_taken, 3);
    EXPECT_EQ(stored->lines[0].oversold, 2);
    const auto detail = last_detail("OrderAdd");
    EXPECT_EQ(json::serialize(detail.at("oversold")), R"([{"line":1,"quantity":2}])");
}

TEST_F(ConnectorOrderAdd, StatusIdKnownUnknownOrMissing) {
    auto known = simple_order("1");
    known["status_id"] = "3";
    EXPECT_EQ(get_order(add_order(known)).at("status_id"), json::value("3"));
    auto unknown = simple_order("2");
    unknown["status_id"] = "999";
    EXPECT_EQ(get_order(add_order(unknown)).at("status_id"), json::value("1"));
    EXPECT_EQ(get_order(add_order(simple_order("3"))).at("status_id"), json::value("1"));
}

TEST_F(ConnectorOrderAdd, LinesBindBySkuThenEanWhenTheIdDoesNotMatch) {
    const std::string products = R"([{"id":"","variant_id":"0","sku":")" + simple_sku_ +
                                 R"(","name":"po SKU","price":"1.00","quantity":"1"},)"
                                 R"({"id":"999999","variant_id":"0","sku":"NIE-MA","ean":")" +
                                 variant_ean_ +
                                 R"(","name":"po EAN","price":"1.00","quantity":"2"}])";
    const auto id = add_order(
        {{"baselinker_id", "9"}, {"change_products_quantity", "1"}, {"products", products}});
    const auto lines = get_order(id).at("products");
    EXPECT_EQ(lines.at(0).at("id"), json::value(std::to_string(simple_id_)));
    EXPECT_EQ(lines.at(0).at("variant_id"), json::value("0"));
    EXPECT_EQ(lines.at(0).at("name"), json::value("po SKU"));  // the sent name, not the catalogue's
    EXPECT_EQ(lines.at(1).at("id"), json::value(std::to_string(parent_id_)));
    EXPECT_EQ(lines.at(1).at("variant_id"), json::value(std::to_string(variant_id_)));
    EXPECT_EQ(stock(simple_id_), kStartStock - 1);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
}

TEST_F(ConnectorOrderAdd, PricesComeFromTheRequestNeverTheCatalogue) {
    auto fields = simple_order("10");
    fields["products"] = R"([{"id":")" + std::to_string(simple_id_) +
                         R"(","name":"x","price":"0.01","quantity":"3"}])";
    fields["delivery_price"] = "0";
    const auto reply = call("OrdersGet", {{"order_id", std::to_string(add_order(fields))}});
    EXPECT_NE(reply.body.find(R"("quantity":3,"price":0.01,)"), std::string::npos) << reply.body;
    EXPECT_NE(reply.body.find(R"("delivery_price":0.00,)"), std::string::npos) << reply.body;
}

TEST_F(ConnectorOrderAdd, ExplicitDateAddIsKept) {
    auto fields = simple_order("11");
    fields["date_add"] = "1764370800";
    EXPECT_EQ(get_order(add_order(fields)).at("date_add"), json::value(1764370800));
}

// A request from which no order can be identified, with the field the error must start with.
struct BadCase {
    std::string field, value, named;
};

TEST_F(ConnectorOrderAdd, UnidentifiableOrderIsInvalidParameterNamingTheFieldAndWritesNothing) {
    auto line = [](const std::string& inner) { return "[" + inner + "]"; };
    const std::vector<BadCase> cases = {
        {"products", "", "products"},
        {"products", "[", "products"},
        {"products", R"([{"name":"x","price":"1.00","quantity":"1"})", "products"},
        {"products", line(R"({"name":"\udc00","price":"1","quantity":"1"})"), "products"},
        {"products", line("{\"name\":\"\xC5\x28\",\"price\":\"1\",\"quantity\":\"1\"}"),
         "products"},
        {"baselinker_id", "48x", "baselinker_id"},
        {"baselinker_id", "-5", "baselinker_id"},
        {"baselinker_id", "", "baselinker_id"},
        {"baselinker_id", "0", "baselinker_id"},
        {"previous_order_id", "abc", "previous_order_id"},
        {"delivery_city", "Krak\xF3w", "delivery_city"},
    };
    for (const auto& c : cases) {
        auto fields = example_order();
        fields[c.field] = c.value;
        const auto text = expect_error(call("OrderAdd", fields), "invalid_parameter");
        EXPECT_TRUE(text.starts_with(c.named + ": "))
            << c.field << "=" << c.value.substr(0, 80) << " -> " << text;
    }
    auto missing = example_order();
    missing.erase("products");
    EXPECT_EQ(expect_error(call("OrderAdd", missing), "invalid_parameter"), "products: missing");
    auto anonymous = example_order();
    anonymous.erase("baselinker_id");
    EXPECT_TRUE(expect_error(call("OrderAdd", anonymous), "invalid_parameter")
                    .starts_with("baselinker_id: missing"));
    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock);
    EXPECT_EQ(call("OrdersGet").body, "[]");
}

// What PHP could not read either, in an order BaseLinker identified: never refused, the sale is
// kept on hold for staff (no stock taken) and the journal says why.
TEST_F(ConnectorOrderAdd, UnreadableIdentifiableOrderIsHeldAndAnsweredWithItsId) {
    auto line = [](const std::string& inner) { return "[" + inner + "]"; };
    std::string too_many = "[";
    for (int i = 0; i < 10001; ++i)
        too_many += std::string(i ? "," : "") + R"({"name":"x","price":"1.00","quantity":"1"})";
    too_many += "]";
    const std::vector<BadCase> cases = {
        {"products", "{}", "products: no line"},
        {"products", "[]", "products: no line"},
        {"products", "[1]", "products: "},
        {"products", "\"x\"", "products: "},
        {"products", too_many, "products: "},
        {"products", line(R"({"name":"x","price":"1.00","quantity":"0"})"),
         R"(line 1 quantity: "0" is not a whole number)"},
        {"products", line(R"({"name":"x","price":"1.00","quantity":"-1"})"),
         R"(line 1 quantity: "-1")"},
        {"products", line(R"({"name":"x","price":"1.00","quantity":"1.5"})"),
         R"(line 1 quantity: "1.5")"},
        {"products", line(R"({"name":"x","price":"1.00","quantity":1.5})"),
         R"(line 1 quantity: "1.5")"},
        {"products", line(R"({"name":"x","price":"1.00"})"), R"(line 1 quantity: "")"},
        {"products", line(R"({"name":"x","price":"12,50","quantity":"1"})"),
         R"(line 1 price: "12,50" is not an amount)"},
        {"products", line(R"({"name":"x","price":"-3.00","quantity":"1"})"),
         R"(line 1 price: "-3.00" is negative)"},
        {"products", line(R"({"name":"x","quantity":"1"})"), R"(line 1 price: "")"},
        {"products", line(R"({"name":"x","price":"1","quantity":"1","tax":"abc"})"),
         R"(line 1 tax: "abc")"},
        {"products",
         line(R"({"name":"x","price":"1","quantity":"1","attributes":[{"price":"x"}]})"),
         R"(line 1 attribute: attribute 1 price "x")"},
        {"delivery_price", "abc", R"(delivery_price: "abc" is not an amount)"},
    };
    std::int64_t baselinker_id = 900;
    for (const auto& c : cases) {
        auto fields = example_order(std::to_string(++baselinker_id));
        fields[c.field] = c.value;
        const auto id = add_order(fields);
        ASSERT_GT(id, 0) << c.value.substr(0, 80);
        const auto detail = last_detail("OrderAdd");
        EXPECT_EQ(detail.at("result"), json::value("held")) << c.value.substr(0, 80);
        const std::string first(detail.at("held").at(0).as_string());
        EXPECT_TRUE(first.starts_with(c.named)) << c.value.substr(0, 80) << " -> " << first;
        EXPECT_EQ(get_order(id).at("status_id"), json::value(std::to_string(hold_status())));
        // A re-send answers the same order.
        EXPECT_EQ(add_order(fields), id);
    }
    EXPECT_EQ(order_count(), static_cast<std::int64_t>(cases.size()));
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock);
}

TEST_F(ConnectorOrderAdd, TheHeldOrderKeepsTheRequestWithoutThePassword) {
    auto fields = example_order("4242");
    fields["products"] = "[" + variant_line(1) + R"(,{"name":"x","price":"1","quantity":"0"}])";
    const auto id = add_order(fields);
    const auto order = second_->orders().order_detail(id);
    ASSERT_TRUE(order && order->hold);
    EXPECT_TRUE(order->held);
    ASSERT_EQ(order->hold->problems.size(), 1u);
    EXPECT_EQ(order->hold->problems[0].message,
              R"(line 2 quantity: "0" is not a whole number from 1 to 1000000000)");
    EXPECT_EQ(order->hold->problems[0].line, 1);
    const auto request = json::parse(order->hold->request);
    EXPECT_EQ(request.at("baselinker_id"), json::value("4242"));
    EXPECT_EQ(request.at("products"), json::value(fields["products"]));
    EXPECT_FALSE(request.as_object().contains("bl_pass"));
    EXPECT_EQ(order->hold->request.find(server_->password()), std::string::npos);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock);
}

// What BaseLinker's PHP sends and its own integration files accept: a products object, numbers
// as numeric strings with a zero fraction, more decimals, PHP flags, ids that are no ids. The
// order is stored and reported as PHP would have read it, and the journal says what was read so.
TEST_F(ConnectorOrderAdd, PhpEncodingsAreAcceptedReadAsPhpWouldAndJournaled) {
    auto fields = example_order("7001");
    fields["products"] = R"({"3":{"id":")" + std::to_string(parent_id_) + R"(","variant_id":")" +
                         std::to_string(variant_id_) +
                         R"(.0","name":"Kubek","price":"34.895","quantity":"2.0","tax":"23.00"},)"
                         R"("7":{"name":"Grawer","price":15,"quantity":1.0,"tax":"8.125"}})";
    fields["delivery_price"] = "12.345";
    fields["status_id"] = "abc";
    fields["payment_method_id"] = "-2";
    fields["delivery_method_id"] = "x";
    fields["date_add"] = "yesterday";
    fields["paid"] = "yes";
    fields["want_invoice"] = "on";
    fields["payment_method_cod"] = "tak";
    fields["change_products_quantity"] = "true";
    const auto id = add_order(fields);
    const auto order = get_order(id);
    ASSERT_TRUE(order.is_object()) << order;
    EXPECT_EQ(order.at("status_id"), json::value("1"));  // the default status
    EXPECT_EQ(order.at("paid"), json::value(1));
    EXPECT_EQ(order.at("want_invoice"), json::value(1));
    const auto body = call("OrdersGet", {{"order_id", std::to_string(id)}}).body;
    EXPECT_NE(body.find(R"("delivery_price":12.35)"), std::string::npos) << body;
    EXPECT_NE(body.find(R"("quantity":2,"price":34.90,"tax":23,)"), std::string::npos) << body;
    EXPECT_NE(body.find(R"("name":"Grawer")"), std::string::npos) << body;
    EXPECT_NE(body.find(R"("tax":8.13)"), std::string::npos) << body;
    // change_products_quantity=true took stock: 2 units of the variant.
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);

    const auto detail = last_detail("OrderAdd");
    ASSERT_TRUE(detail.is_object()) << detail;
    std::vector<std::string> notes;
    for (const auto& note : detail.at("normalised").as_array())
        notes.emplace_back(note.as_string());
    const std::vector<std::string> expected = {
        "delivery_method_id: \"x\" is not an id; ignored, the shop's default applies",
        "payment_method_id: \"-2\" is not an id; ignored, the shop's default applies",
        "status_id: \"abc\" is not an id; ignored, the shop's default applies",
        "want_invoice: \"on\" read as 1",
        "payment_method_cod: \"tak\" is not a flag value, read as 0",
        "paid: \"yes\" read as 1",
        "change_products_quantity: \"true\" read as 1",
        "delivery_price: \"12.345\" rounded to 12.35",
        "date_add: \"yesterday\" is not unix seconds; the time of arrival applies",
        "products: a JSON object; its 2 values were read in the order written",
        "line 1 variant_id: \"" + std::to_string(variant_id_) + ".0\" read as " +
            std::to_string(variant_id_),
        "line 1 quantity: \"2.0\" read as 2",
        "line 1 price: \"34.895\" rounded to 34.90",
        "line 2 quantity: \"1.0\" read as 1",
        "line 2 tax: \"8.125\" rounded to 8.13",
    };
    EXPECT_EQ(notes, expected);
}

// PostgreSQL cannot store NUL; no address needs a bell. Control characters are removed and an
// absurdly long text is cut, on both backends, and the journal says so: never internal_error.
TEST_F(ConnectorOrderAdd, ControlCharactersAndOversizedTextAreCleanedNotRefused) {
    auto fields = example_order("7002");
    fields["delivery_city"] = std::string("Kra\0k\x07ów", 9);
    fields["user_comments"] = "Proszę\tzadzwonić\r\nprzed dostawą";
    fields["delivery_fullname"] = std::string(1500, 'a');
    const auto id = add_order(fields);
    const auto order = get_order(id);
    ASSERT_TRUE(order.is_object()) << order;
    EXPECT_EQ(order.at("delivery_city"), json::value("Kraków"));
    EXPECT_EQ(order.at("user_comments"), json::value("Proszę\tzadzwonić\r\nprzed dostawą"));
    EXPECT_EQ(order.at("delivery_fullname").as_string().size(), 1000u);
    const auto detail = last_detail("OrderAdd");
    ASSERT_TRUE(detail.is_object()) << detail;
    const auto& notes = detail.at("normalised").as_array();
    ASSERT_EQ(notes.size(), 2u) << detail;
    EXPECT_EQ(notes[0], json::value("delivery_fullname: cut to 1000 characters"));
    EXPECT_EQ(notes[1], json::value("delivery_city: 2 control characters removed"));
}

TEST_F(ConnectorOrderAdd, TenThousandLinesAreAccepted) {
    std::string products = "[";
    for (int i = 0; i < 10000; ++i) {
        products += (i ? "," : "");
        products += R"({"name":"Pozycja )" + std::to_string(i + 1) +
                    R"(","price":"0.01","quantity":"1","tax":"23"})";
    }
    products += "]";
    const auto id =
        add_order({{"baselinker_id", "10000"}, {"delivery_price", "0"}, {"products", products}});
    ASSERT_GT(id, 0);
    const auto order = get_order(id);
    ASSERT_EQ(order.at("products").as_array().size(), 10000u);
    EXPECT_EQ(order.at("products").at(9999).at("name"), json::value("Pozycja 10000"));
    EXPECT_EQ(second_->orders().order_detail(id)->total(), *core::Money::parse("100.00"));
}

TEST_F(ConnectorOrderAdd, JournalShowsBaseLinkerIdOrderIdAndResultButNeverThePassword) {
    const auto id = add_order(example_order());
    const auto detail = last_detail("OrderAdd");
    EXPECT_EQ(detail.at("baselinker_id"), json::value("48213377"));
    EXPECT_EQ(detail.at("order_id"), json::value(std::to_string(id)));
    EXPECT_EQ(detail.at("result"), json::value("created"));
    EXPECT_EQ(json::serialize(detail.at("free_lines")), "[2]");  // the engraving line
    auto bad = example_order();
    bad["products"] = "[";
    call("OrderAdd", bad);
    for (const auto& entry : journal("OrderAdd")) {
        EXPECT_EQ(entry.detail.find(server_->password()), std::string::npos) << entry.detail;
        EXPECT_EQ(entry.action.find(server_->password()), std::string::npos);
    }
    const auto refused = journal("OrderAdd").front();
    EXPECT_EQ(refused.outcome, "invalid_parameter");
    const auto refused_detail = json::parse(refused.detail);
    EXPECT_EQ(refused_detail.at("baselinker_id"), json::value("48213377"));
    EXPECT_EQ(refused_detail.at("result"), json::value("invalid"));
    EXPECT_EQ(refused_detail.at("reason"), json::value("products: malformed JSON"));
}

TEST_F(ConnectorOrderAdd, OrderActionsAreListedAndFoundWhateverTheCase) {
    const auto methods = call_json("SupportedMethods");
    for (const char* name : {"OrderAdd", "OrdersGet", "OrderUpdate"}) {
        EXPECT_NE(
            std::find(methods.as_array().begin(), methods.as_array().end(), json::value(name)),
            methods.as_array().end())
            << name;
    }
    EXPECT_EQ(call("ordersget").body, "[]");
    EXPECT_GT(add_order(simple_order("1")), 0);
    EXPECT_TRUE(call("ORDERADD", simple_order("1")).body.starts_with("{\"order_id\":\""));
}

class ConnectorOrderAddReject : public OrderHttpTest {
  protected:
    void configure(app::Config& config) override {
        config.endpoint.connector.orders.unknown_products = store::UnknownProducts::Reject;
    }
};

TEST_F(ConnectorOrderAddReject, UnknownProductIsAnErrorListingTheLinesAndWritesNothing) {
    auto fields = example_order();
    fields["products"] = "[" + variant_line(2) +
                         R"(,{"id":"","sku":"X-1","ean":"590","name":"Grawer dedykacji",)"
                         R"("price":"15.00","quantity":"1"}])";
    const auto text = expect_error(call("OrderAdd", fields), "unknown_product");
    EXPECT_EQ(text,
              "no catalogue product for line 2 (sku 'X-1', ean '590', name 'Grawer dedykacji')");
    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock);
    const auto detail = last_detail("OrderAdd");
    EXPECT_EQ(detail.at("result"), json::value("rejected"));
    EXPECT_EQ(json::serialize(detail.at("unknown_lines")), "[2]");
    // With every line known, the same policy accepts the order.
    fields["products"] = "[" + variant_line(2) + "]";
    EXPECT_GT(add_order(fields), 0);
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock - 2);
}

class ConnectorOrderAddNoCodes : public OrderHttpTest {
  protected:
    void configure(app::Config& config) override {
        config.endpoint.connector.orders.match_by_codes = false;
        config.endpoint.connector.orders.default_status = 2;
    }
};

TEST_F(ConnectorOrderAddNoCodes, CodesAreNotUsedAndTheDefaultStatusIsConfigured) {
    const std::string products = R"([{"id":"","sku":")" + simple_sku_ +
                                 R"(","name":"po SKU","price":"1.00","quantity":"1"}])";
    const auto order = get_order(add_order(
        {{"baselinker_id", "9"}, {"change_products_quantity", "1"}, {"products", products}}));
    EXPECT_EQ(order.at("products").at(0).at("id"), json::value(""));
    EXPECT_EQ(order.at("status_id"), json::value("2"));
    EXPECT_EQ(stock(simple_id_), kStartStock);
}

// The shipped policy: a line that binds to no catalogue product holds the order for staff.
class ConnectorOrderAddDefaultPolicy : public OrderHttpTest {
  protected:
    void configure(app::Config& config) override {
        config.endpoint.connector.orders.unknown_products = store::OrderPolicy{}.unknown_products;
    }
};

TEST_F(ConnectorOrderAddDefaultPolicy, AnUnboundLineHoldsTheOrderWithoutTakingStock) {
    const auto id = add_order(example_order("5150"));
    const auto detail = last_detail("OrderAdd");
    EXPECT_EQ(detail.at("result"), json::value("held"));
    EXPECT_EQ(detail.at("unknown_lines"), json::array({2}));
    const std::string why(detail.at("held").at(0).as_string());
    EXPECT_TRUE(why.starts_with("line 2: no catalogue product")) << why;
    EXPECT_EQ(get_order(id).at("status_id"), json::value(std::to_string(hold_status())));
    EXPECT_EQ(stock(parent_id_, variant_id_), kStartStock);
    // The request is kept for staff here too (the reader saw nothing wrong; the store did).
    const auto held = second_->orders().order_detail(id);
    ASSERT_TRUE(held && held->hold);
    EXPECT_EQ(json::parse(held->hold->request).at("baselinker_id"), json::value("5150"));
    // BaseLinker cannot move it on: the status update is refused for this order.
    call("OrderUpdate",
         {{"orders_ids", std::to_string(id)}, {"update_type", "status"}, {"update_value", "2"}});
    EXPECT_EQ(get_order(id).at("status_id"), json::value(std::to_string(hold_status())));
}

}  // namespace
}  // namespace order_test
