#include "OrdersData.h"

#include <boost/json.hpp>

#include <algorithm>
#include <array>

#include "core/Decimal.h"

namespace bench {
namespace {

struct Person {
    const char* first;
    bool female;
};

constexpr std::array<Person, 20> kFirstNames{{
    {"Anna", true},      {"Maria", true},     {"Katarzyna", true}, {"Małgorzata", true},
    {"Agnieszka", true}, {"Barbara", true},   {"Ewa", true},       {"Zofia", true},
    {"Łucja", true},     {"Joanna", true},    {"Piotr", false},    {"Krzysztof", false},
    {"Andrzej", false},  {"Tomasz", false},   {"Paweł", false},    {"Michał", false},
    {"Łukasz", false},   {"Grzegorz", false}, {"Wojciech", false}, {"Jerzy", false},
}};

// Masculine form; the feminine one ends in -a for -ski/-cki/-dzki ("Kowalska").
constexpr std::array<const char*, 20> kSurnames{
    "Kowalski",   "Wiśniewski", "Wójcik",     "Kowalczyk", "Kamiński",  "Lewandowski", "Zieliński",
    "Szymański",  "Woźniak",    "Dąbrowski",  "Kozłowski", "Jankowski", "Mazur",       "Krawczyk",
    "Piotrowski", "Grabowski",  "Nowakowski", "Pawłowski", "Michalski", "Żak"};

struct City {
    const char* name;
    const char* postcode;
    const char* state;
};

constexpr std::array<City, 12> kCities{{
    {"Warszawa", "00-950", "mazowieckie"},
    {"Kraków", "31-147", "małopolskie"},
    {"Łódź", "90-001", "łódzkie"},
    {"Wrocław", "50-001", "dolnośląskie"},
    {"Poznań", "60-101", "wielkopolskie"},
    {"Gdańsk", "80-001", "pomorskie"},
    {"Szczecin", "70-001", "zachodniopomorskie"},
    {"Bydgoszcz", "85-001", "kujawsko-pomorskie"},
    {"Lublin", "20-001", "lubelskie"},
    {"Białystok", "15-001", "podlaskie"},
    {"Gdynia", "81-301", "pomorskie"},
    {"Zielona Góra", "65-001", "lubuskie"},
}};

constexpr std::array<const char*, 10> kStreets{
    "ul. Długa",         "ul. Słoneczna",    "ul. Źródlana", "ul. Kościuszki",  "ul. Mickiewicza",
    "al. Jerozolimskie", "ul. Piłsudskiego", "ul. Ogrodowa", "ul. Żeromskiego", "ul. Świętojańska"};

struct Method {
    store::Id id;
    const char* name;
    const char* price;
};

// The seeded delivery and payment tables of a new database (001_catalog.sql).
constexpr std::array<Method, 4> kDelivery{{{1, "InPost Paczkomaty 24/7", "12.99"},
                                           {2, "Kurier InPost", "15.99"},
                                           {3, "Kurier DPD", "16.50"},
                                           {5, "Poczta Polska", "11.00"}}};
constexpr std::array<Method, 4> kPayment{
    {{1, "Przelewy24", ""}, {3, "BLIK", ""}, {6, "Karta płatnicza", ""}, {5, "Za pobraniem", ""}}};

template <class T, std::size_t N>
const T& pick(const std::array<T, N>& items, std::mt19937_64& rng) {
    return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

std::string surname(const char* masculine, bool female) {
    std::string s = masculine;
    if (female && s.ends_with("i")) s.back() = 'a';
    return s;
}

// ASCII for the e-mail address: "Łukasz Wiśniewski" -> "lukasz.wisniewski".
std::string ascii_login(const std::string& utf8) {
    static const std::array<std::pair<const char*, char>, 18> kMap{{
        {"ą", 'a'},
        {"ć", 'c'},
        {"ę", 'e'},
        {"ł", 'l'},
        {"ń", 'n'},
        {"ó", 'o'},
        {"ś", 's'},
        {"ź", 'z'},
        {"ż", 'z'},
        {"Ą", 'a'},
        {"Ć", 'c'},
        {"Ę", 'e'},
        {"Ł", 'l'},
        {"Ń", 'n'},
        {"Ó", 'o'},
        {"Ś", 's'},
        {"Ź", 'z'},
        {"Ż", 'z'},
    }};
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        bool mapped = false;
        for (const auto& [from, to] : kMap) {
            std::string_view f(from);
            if (utf8.compare(i, f.size(), f) == 0) {
                out += to;
                i += f.size();
                mapped = true;
                break;
            }
        }
        if (mapped) continue;
        char c = utf8[i++];
        out += c == ' ' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

void fill_buyer(store::OrderInput& o, std::mt19937_64& rng) {
    const Person& person = pick(kFirstNames, rng);
    std::string name =
        std::string(person.first) + " " + surname(pick(kSurnames, rng), person.female);
    const City& city = pick(kCities, rng);
    std::uniform_int_distribution<int> number(1, 120);
    std::string street = std::string(pick(kStreets, rng)) + " " + std::to_string(number(rng));
    o.delivery = {name, "", street, city.name, city.postcode, "", "Polska", "PL"};
    o.invoice = o.delivery;
    o.want_invoice = number(rng) <= 12;  // about one buyer in ten wants a VAT invoice
    if (o.want_invoice) {
        o.invoice.company =
            "Firma Handlowa " + surname(pick(kSurnames, rng), false) + " sp. z o.o.";
        o.invoice_nip = std::to_string(5260000000LL + number(rng) * 7919);
    }
    o.email = ascii_login(name) + std::to_string(number(rng)) + "@example.pl";
    o.phone = "+48 6" + std::to_string(10 + number(rng) % 90) + " " +
              std::to_string(100 + number(rng)) + " " + std::to_string(200 + number(rng));
    o.client_login = ascii_login(name) + "_" + std::to_string(number(rng));
}

void fill_methods(store::OrderInput& o, std::mt19937_64& rng) {
    const Method& delivery = pick(kDelivery, rng);
    o.delivery_method = delivery.name;
    o.delivery_method_id = delivery.id;
    o.delivery_price = *core::Money::parse(delivery.price);
    if (delivery.id == 1) {
        o.point = {"WAW" + std::to_string(10 + rng() % 90) + "M", "Paczkomat", o.delivery.address,
                   o.delivery.postcode, o.delivery.city};
    }
    const Method& payment = pick(kPayment, rng);
    o.payment_method = payment.name;
    o.payment_method_id = payment.id;
    o.cod = payment.id == 5;
    o.paid = !o.cod;  // marketplace orders arrive paid unless cash on delivery
}

store::OrderLineInput make_line(const SaleItem& item, std::mt19937_64& rng) {
    store::OrderLineInput line;
    line.product_id = item.product_id;
    line.variant_id = item.variant_id;
    line.sku = item.sku;
    line.ean = item.ean;
    line.name = item.name;
    line.unit_price = item.price;
    line.quantity = std::uniform_int_distribution<int>(1, 10)(rng) <= 8 ? 1 : 2;
    line.tax_rate_bp = item.tax_rate_bp;
    line.auction_id = std::to_string(12000000000LL + static_cast<std::int64_t>(rng() % 999999999));
    return line;
}

void add_item(std::vector<SaleItem>& out, const store::ProductDetail& p,
              const store::VariantDetail* v) {
    SaleItem item;
    item.product_id = p.id;
    item.variant_id = v ? v->id : 0;
    item.name = v ? p.name + " " + v->name : p.name;
    item.sku = v ? v->sku : p.sku;
    item.ean = v ? v->ean : p.ean;
    item.price = v ? v->price : p.price;
    item.tax_rate_bp = p.tax_rate_bp;
    out.push_back(std::move(item));
}

boost::json::object line_json(const store::OrderLineInput& line) {
    return {{"id", std::to_string(line.product_id.value_or(0))},
            {"variant_id", std::to_string(line.variant_id)},
            {"sku", line.sku},
            {"ean", line.ean},
            {"name", line.name},
            {"price", line.unit_price.format()},
            {"quantity", line.quantity},
            {"tax", core::format_scaled(line.tax_rate_bp, 2)},
            {"auction_id", line.auction_id},
            {"attributes", boost::json::array()}};
}

}  // namespace

std::vector<SaleItem> sample_sale_items(store::Store& store, std::size_t count,
                                        std::uint64_t seed) {
    std::vector<store::Id> ids;
    auto& catalog = store.catalog();
    const std::int64_t total = catalog.product_count();
    for (std::int64_t offset = 0; offset < total; offset += 1000) {
        for (const auto& row : catalog.stock_page({offset, 1000}).rows)
            ids.push_back(row.product_id);
    }
    std::mt19937_64 rng(seed);
    std::shuffle(ids.begin(), ids.end(), rng);
    ids.resize(std::min(ids.size(), count));
    store::DetailParts parts;
    parts.images = parts.features = false;
    std::vector<SaleItem> items;
    for (const auto& p : catalog.product_details(ids, parts)) {
        if (p.variants.empty()) {
            add_item(items, p, nullptr);
        } else {
            add_item(items, p, &p.variants[rng() % p.variants.size()]);
        }
    }
    return items;
}

store::OrderInput make_order(const std::vector<SaleItem>& items, std::int64_t baselinker_id,
                             std::mt19937_64& rng) {
    store::OrderInput o;
    o.origin = store::OrderOrigin::BaseLinker;
    o.baselinker_id = baselinker_id;
    o.transaction_id = "allegro-" + std::to_string(baselinker_id);
    o.service_account = "allegro:sklep_demo";
    o.take_stock = true;
    fill_buyer(o, rng);
    fill_methods(o, rng);
    const int lines = std::uniform_int_distribution<int>(1, 5)(rng);
    std::uniform_int_distribution<std::size_t> item(0, items.size() - 1);
    for (int i = 0; i < lines; ++i) o.lines.push_back(make_line(items[item(rng)], rng));
    return o;
}

Fields order_add_fields(const store::OrderInput& o) {
    boost::json::array products;
    for (const auto& line : o.lines) products.push_back(line_json(line));
    Fields f{{"baselinker_id", std::to_string(o.baselinker_id.value_or(0))},
             {"transaction_id", o.transaction_id},
             {"service_account", o.service_account},
             {"client_login", o.client_login},
             {"delivery_fullname", o.delivery.fullname},
             {"delivery_address", o.delivery.address},
             {"delivery_city", o.delivery.city},
             {"delivery_postcode", o.delivery.postcode},
             {"delivery_country", o.delivery.country},
             {"delivery_country_code", o.delivery.country_code},
             {"invoice_fullname", o.invoice.fullname},
             {"invoice_company", o.invoice.company},
             {"invoice_nip", o.invoice_nip},
             {"invoice_address", o.invoice.address},
             {"invoice_city", o.invoice.city},
             {"invoice_postcode", o.invoice.postcode},
             {"invoice_country", o.invoice.country},
             {"invoice_country_code", o.invoice.country_code},
             {"want_invoice", o.want_invoice ? "1" : "0"},
             {"delivery_point_id", o.point.id},
             {"delivery_point_name", o.point.name},
             {"delivery_point_address", o.point.address},
             {"delivery_point_postcode", o.point.postcode},
             {"delivery_point_city", o.point.city},
             {"email", o.email},
             {"phone", o.phone},
             {"delivery_method", o.delivery_method},
             {"delivery_method_id", std::to_string(o.delivery_method_id.value_or(0))},
             {"delivery_price", o.delivery_price.format()},
             {"payment_method", o.payment_method},
             {"payment_method_id", std::to_string(o.payment_method_id.value_or(0))},
             {"payment_method_cod", o.cod ? "1" : "0"},
             {"paid", o.paid ? "1" : "0"},
             {"currency", o.currency},
             {"change_products_quantity", "1"},
             {"products", boost::json::serialize(products)}};
    return f;
}

}  // namespace bench
