#include "SmallShop.h"

namespace store_tests {
namespace {

store::ImportProduct product(std::string ext, std::string sku, std::string name,
                             std::string category, std::int64_t price, std::int64_t stock) {
    store::ImportProduct p;
    p.external_id = std::move(ext);
    p.sku = std::move(sku);
    p.name = std::move(name);
    p.category_external_id = std::move(category);
    p.price = zl(price);
    p.stock = stock;
    return p;
}

store::ImportVariant variant(std::string ext, std::string sku, std::string name, std::int64_t price,
                             std::int64_t stock) {
    store::ImportVariant v;
    v.external_id = std::move(ext);
    v.sku = std::move(sku);
    v.name = std::move(name);
    v.price = zl(price);
    v.stock = stock;
    return v;
}

}  // namespace

store::ImportBatch small_shop() {
    store::ImportBatch b;
    b.categories = {{"c1", "", "Dom i ogród", true}, {"c2", "c1", "Kuchnia", true},
                    {"c3", "c2", "Kubki", true},     {"c4", "c1", "Łazienka", false},
                    {"c5", "c4", "Ręczniki", true},  {"c6", "", "alfa", true},
                    {"c7", "", "Zabawki", true}};
    b.manufacturers = {{"Ćmielów", "https://example.pl/logo/cmielow.png"}, {"Krosno", ""}};

    auto kubek = product("p1", "KUB-1", "Kubek ceramiczny 330 ml", "c3", 3490, 10);
    kubek.ean = "5901234123457";
    kubek.model = "K330";
    kubek.manufacturer_name = "Ćmielów";
    kubek.images = {"https://example.pl/img/kubek-1.jpg", "https://example.pl/img/kubek-2.jpg"};
    kubek.features = {{"Materiał", "ceramika"}, {"Kolor", "biały"}, {"Kolor", "niebieski"}};
    kubek.description = "<p>Kubek</p>";
    kubek.description_extra[0] = "Krótki opis";
    kubek.tax_rate_bp = 2300;
    kubek.weight_kg = 0.35;
    kubek.url = "https://example.pl/p/kubek";
    kubek.location = "A-1-2";

    auto zolw = product("p2", "ZOL-1", "Żółw pluszowy", "c7", 5900, 0);
    zolw.promo_price = zl(4900);
    zolw.ean = "5900000000012";
    zolw.tax_rate_bp = 800;

    auto koszulka = product("p3", "KOS-1", "Koszulka bawełniana męska", "c2", 7999, 99);
    koszulka.manufacturer_name = "Nowa Marka";  // not in the manufacturers section: created
    auto red = variant("p3-r", "KOS-1-R", "Czerwony XL", 7999, 3);
    red.images = {"https://example.pl/img/kos-r.jpg"};
    red.features = {{"Kolor", "czerwony"}, {"Rozmiar", "XL"}};
    auto blue = variant("p3-n", "KOS-1-N", "Niebieski M", 8499, 4);
    blue.ean = "5900000000029";
    koszulka.variants = {red, blue};

    auto lyzka = product("p4", "LYZ-1", "Łyżka drewniana", "c5", 999, 100);
    lyzka.active = false;
    auto recznik = product("p5", "R%_1", "Ręcznik 100%_duży", "c4", 2500, 7);

    b.products = {kubek, zolw, koszulka, lyzka, recznik};
    return b;
}

}  // namespace store_tests
