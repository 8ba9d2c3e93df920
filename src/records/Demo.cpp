// The demo shop generator. Uses its own PRNG (splitmix64) and integer arithmetic only, so the
// same seed gives byte-identical batches on every platform and standard library.
#include "records/Demo.h"

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace records {
namespace {

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform enough in [0, n) for demo data.
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % n); }
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[static_cast<std::size_t>(below(static_cast<std::int64_t>(N)))];
    }

  private:
    std::uint64_t state_;
};

enum class Gender { M, F, N };

struct Noun {
    const char* word;
    Gender gender;
    bool clothing;  // variants by size rather than by capacity
};

constexpr std::array<Noun, 44> kNouns{{
    {"Kubek", Gender::M, false},    {"Talerz", Gender::M, false},    {"Garnek", Gender::M, false},
    {"Koc", Gender::M, false},      {"Plecak", Gender::M, false},    {"Portfel", Gender::M, false},
    {"Szalik", Gender::M, true},    {"Ręcznik", Gender::M, false},   {"Żółw", Gender::M, false},
    {"Dzbanek", Gender::M, false},  {"Wazon", Gender::M, false},     {"Fotel", Gender::M, false},
    {"Stolik", Gender::M, false},   {"Dywan", Gender::M, false},     {"Sweter", Gender::M, true},
    {"Kapelusz", Gender::M, true},  {"Młynek", Gender::M, false},    {"Nóż", Gender::M, false},
    {"Czajnik", Gender::M, false},  {"Świecznik", Gender::M, false}, {"Termos", Gender::M, false},
    {"Miś", Gender::M, false},      {"Koszulka", Gender::F, true},   {"Łyżka", Gender::F, false},
    {"Patelnia", Gender::F, false}, {"Miska", Gender::F, false},     {"Poduszka", Gender::F, false},
    {"Torba", Gender::F, false},    {"Lampa", Gender::F, false},     {"Świeca", Gender::F, false},
    {"Bluza", Gender::F, true},     {"Czapka", Gender::F, true},     {"Szklanka", Gender::F, false},
    {"Półka", Gender::F, false},    {"Zasłona", Gender::F, false},   {"Sukienka", Gender::F, true},
    {"Kurtka", Gender::F, true},    {"Żyrafa", Gender::F, false},    {"Krzesło", Gender::N, false},
    {"Lusterko", Gender::N, false}, {"Pudełko", Gender::N, false},   {"Wiadro", Gender::N, false},
    {"Etui", Gender::N, false},     {"Siedzisko", Gender::N, false},
}};

// Masculine forms; feminine and neuter follow from the ending (-y -> -a/-e, -i -> -a/-ie).
constexpr std::array<const char*, 24> kAdjectives{
    "ceramiczny", "drewniany",  "bawełniany", "pluszowy",    "szklany",    "stalowy",
    "wełniany",   "lniany",     "skórzany",   "bambusowy",   "składany",   "męski",
    "damski",     "dziecięcy",  "łazienkowy", "ogrodowy",    "świąteczny", "klasyczny",
    "nowoczesny", "rustykalny", "żeliwny",    "porcelanowy", "metalowy",   "ręcznie zdobiony"};

constexpr std::array<const char*, 15> kColours{
    "czerwony",  "niebieski",    "zielony", "żółty",  "czarny", "biały",   "szary",    "różowy",
    "fioletowy", "pomarańczowy", "brązowy", "beżowy", "złoty",  "srebrny", "granatowy"};
// The same colours as variant names start them ("Czerwony XL").
constexpr std::array<const char*, 15> kColourNames{
    "Czerwony",  "Niebieski",    "Zielony", "Żółty",  "Czarny", "Biały",   "Szary",    "Różowy",
    "Fioletowy", "Pomarańczowy", "Brązowy", "Beżowy", "Złoty",  "Srebrny", "Granatowy"};
constexpr std::array<const char*, 6> kSizes{"XS", "S", "M", "L", "XL", "XXL"};
constexpr std::array<const char*, 6> kCapacities{"250 ml", "330 ml", "450 ml",
                                                 "0,5 l",  "1 l",    "1,5 l"};
constexpr std::array<const char*, 8> kMaterials{
    "ceramika", "drewno bukowe", "bawełna 100%", "stal nierdzewna",
    "szkło",    "poliester",     "len",          "bambus"};

std::string inflect(std::string_view masculine, Gender g) {
    std::size_t space = masculine.rfind(' ');  // "ręcznie zdobiony": inflect the last word
    std::string head(masculine.substr(0, space == std::string_view::npos ? 0 : space + 1));
    std::string word(masculine.substr(head.size()));
    if (g == Gender::M) return head + word;
    char last = word.back();
    word.pop_back();
    if (g == Gender::F) return head + word + "a";
    return head + word + (last == 'i' ? "ie" : "e");
}

// ---- categories: 8 departments x 5 sections x 4 shelves = 208, a few inactive ----

struct Department {
    const char* name;
    std::array<const char*, 5> sections;
};

constexpr std::array<Department, 8> kDepartments{{
    {"Dom i ogród", {"Kuchnia", "Łazienka", "Sypialnia", "Ogród", "Oświetlenie"}},
    {"Moda", {"Odzież damska", "Odzież męska", "Obuwie", "Torebki i plecaki", "Dodatki"}},
    {"Dziecko", {"Zabawki", "Pluszaki", "Odzież dziecięca", "Pokój dziecka", "Szkoła"}},
    {"Elektronika", {"Telefony", "Komputery", "Audio", "Akcesoria GSM", "Smart home"}},
    {"Sport i turystyka", {"Rowery", "Fitness", "Turystyka", "Sporty zimowe", "Wędkarstwo"}},
    {"Zdrowie i uroda", {"Pielęgnacja", "Perfumy", "Makijaż", "Higiena", "Suplementy"}},
    {"Kultura i rozrywka", {"Książki", "Gry planszowe", "Muzyka", "Filmy", "Instrumenty"}},
    {"Motoryzacja", {"Akcesoria samochodowe", "Chemia", "Narzędzia", "Opony", "Części"}},
}};

constexpr std::array<const char*, 8> kShelves{"Nowości",   "Zestawy",        "Akcesoria",
                                              "Premium",   "Ekologiczne",    "Dla dzieci",
                                              "Wyprzedaż", "Żelazna klasyka"};

void add_categories(store::ImportBatch& batch, std::vector<std::string>& leaves) {
    int n = 0;
    auto add = [&](const std::string& parent, const char* name) {
        ++n;
        std::string id = "c" + std::to_string(n);
        // Every 37th category is switched off, so the tree has inactive branches too.
        batch.categories.push_back({id, parent, name, n % 37 != 0});
        return id;
    };
    for (std::size_t d = 0; d < kDepartments.size(); ++d) {
        std::string dep = add("", kDepartments[d].name);
        for (std::size_t s = 0; s < 5; ++s) {
            std::string sec = add(dep, kDepartments[d].sections[s]);
            for (std::size_t k = 0; k < 4; ++k)
                leaves.push_back(add(sec, kShelves[(d + s + k * 2) % kShelves.size()]));
        }
    }
}

// ---- manufacturers: 25 stems x 4 forms = 100 ----

constexpr std::array<const char*, 25> kMakerStems{
    "Polmet",  "Bolesław", "Krosno", "Zębiec",  "Wólczanka", "Ćmielów", "Gerlach",
    "Łucznik", "Amica",    "Kross",  "Wawel",   "Sowa",      "Mazur",   "Karpaty",
    "Bałtyk",  "Tatra",    "Wisła",  "Orzeł",   "Źródło",    "Śnieżka", "Pszczółka",
    "Lech",    "Dąbrowa",  "Jodła",  "Kormoran"};
constexpr std::array<const char*, 4> kMakerForms{"%s", "%s Polska", "Zakłady %s", "%s Design"};

std::string maker_name(std::size_t i) {
    char buf[96];
    std::snprintf(buf, sizeof buf, kMakerForms[i / kMakerStems.size()],
                  kMakerStems[i % kMakerStems.size()]);
    return buf;
}

void add_manufacturers(store::ImportBatch& batch) {
    for (std::size_t i = 0; i < kMakerStems.size() * kMakerForms.size(); ++i)
        batch.manufacturers.push_back({maker_name(i), "https://demo.blconnect.invalid/logo/m" +
                                                          std::to_string(i + 1) + ".png"});
}

// ---- products ----

std::string ean13(std::int64_t body) {  // body: the first 12 digits as a number
    char digits[24];
    std::snprintf(digits, sizeof digits, "%012lld", static_cast<long long>(body));
    return std::string(digits) + static_cast<char>('0' + ean13_check_digit(digits));
}

core::Money demo_price(Rng& rng) {
    std::int64_t band = rng.below(100);
    std::int64_t zl = band < 50   ? rng.between(9, 98)
                      : band < 85 ? rng.between(99, 498)
                      : band < 97 ? rng.between(499, 998)
                                  : rng.between(999, 1998);
    static constexpr std::array<std::int64_t, 4> kEndings{99, 99, 0, 49};
    std::int64_t ending = rng.pick(kEndings);
    return core::Money::from_minor(zl * 100 + (zl == 9 ? 99 : ending));  // 9.99 at least
}

std::optional<core::Money> demo_promo(Rng& rng, core::Money price) {
    if (!rng.percent(12) || price.minor() < 2000) return std::nullopt;
    std::int64_t cut = price.minor() * rng.between(70, 90) / 100;
    return core::Money::from_minor(cut / 100 * 100 + 99 < price.minor() ? cut / 100 * 100 + 99
                                                                        : cut);
}

std::int64_t demo_stock(Rng& rng) {
    return rng.percent(15) ? 0 : rng.between(1, 200);
}

std::vector<std::string> demo_images(Rng& rng, const std::string& stem) {
    std::vector<std::string> out;
    std::int64_t count = rng.between(1, 4);
    for (std::int64_t i = 1; i <= count; ++i)
        out.push_back("https://demo.blconnect.invalid/img/" + stem + "-" + std::to_string(i) +
                      ".jpg");
    return out;
}

void add_variants(Rng& rng, store::ImportProduct& p, const Noun& noun, std::int64_t number,
                  std::int64_t& next_variant) {
    std::int64_t count = rng.between(2, 6);
    std::size_t colour = static_cast<std::size_t>(rng.below(kColours.size()));
    for (std::int64_t k = 0; k < count; ++k) {
        store::ImportVariant v;
        std::size_t c = (colour + static_cast<std::size_t>(k / 2)) % kColours.size();
        const char* size = noun.clothing ? kSizes[static_cast<std::size_t>(k) % kSizes.size()]
                                         : kCapacities[static_cast<std::size_t>(k) % 6];
        v.name = std::string(kColourNames[c]) + " " + size;
        v.external_id = "p" + std::to_string(number) + "-v" + std::to_string(k + 1);
        v.sku = p.sku + "-" + std::to_string(k + 1);
        v.ean = ean13(590500000000LL + next_variant++);
        v.price = p.price + core::Money::from_minor(k >= 4 ? 500 : 0);  // big sizes cost more
        v.stock = demo_stock(rng) / 4;
        if (rng.percent(30))
            v.images.push_back("https://demo.blconnect.invalid/img/" + v.sku + ".jpg");
        v.features = {{"Kolor", kColours[c]}, {noun.clothing ? "Rozmiar" : "Pojemność", size}};
        p.variants.push_back(std::move(v));
    }
}

store::ImportProduct make_product(Rng& rng, std::int64_t number,
                                  const std::vector<std::string>& leaves,
                                  const store::ImportBatch& batch, std::int64_t& next_variant) {
    const Noun& noun = rng.pick(kNouns);
    const char* adjective = rng.pick(kAdjectives);
    std::size_t colour = static_cast<std::size_t>(rng.below(kColours.size()));
    store::ImportProduct p;
    p.name = std::string(noun.word) + " " + inflect(adjective, noun.gender) + " " +
             inflect(kColours[colour], noun.gender);
    p.external_id = "p" + std::to_string(number);
    char sku[32];
    std::snprintf(sku, sizeof sku, "DEMO-%06lld", static_cast<long long>(number));
    p.sku = sku;
    p.ean = ean13(590000000000LL + number);
    p.model = "M-" + std::to_string(1000 + rng.below(9000));
    p.category_external_id =
        leaves[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(leaves.size())))];
    if (!rng.percent(10))
        p.manufacturer_name = batch
                                  .manufacturers[static_cast<std::size_t>(rng.below(
                                      static_cast<std::int64_t>(batch.manufacturers.size())))]
                                  .name;
    p.price = demo_price(rng);
    p.promo_price = demo_promo(rng, p.price);
    std::int64_t tax = rng.below(100);
    p.tax_rate_bp = tax < 80 ? 2300 : tax < 92 ? 800 : 500;
    p.weight_kg = static_cast<double>(rng.between(5, 1500)) / 100.0;
    p.height_cm = static_cast<double>(rng.between(1, 120));
    p.width_cm = static_cast<double>(rng.between(1, 80));
    p.length_cm = static_cast<double>(rng.between(1, 80));
    p.description = "<p>" + p.name +
                    " — solidne wykonanie, idealny prezent.</p><ul><li>Materiał: " +
                    kMaterials[static_cast<std::size_t>(number) % kMaterials.size()] + "</li></ul>";
    p.description_extra[0] = p.name + ". Wysyłka w 24 h.";
    p.location =
        "A-" + std::to_string(rng.between(1, 40)) + "-" + std::to_string(rng.between(1, 9));
    p.url = "https://demo.blconnect.invalid/p/" + std::to_string(number);
    p.active = !rng.percent(5);
    p.stock = demo_stock(rng);
    p.images = demo_images(rng, "p" + std::to_string(number));
    p.features = {{"Materiał", rng.pick(kMaterials)}, {"Kolor", kColours[colour]}};
    if (rng.percent(20)) p.features.push_back({"Kolor", rng.pick(kColours)});  // two values
    p.features.push_back({"Kraj produkcji", "Polska"});
    if (rng.percent(30)) add_variants(rng, p, noun, number, next_variant);
    return p;
}

}  // namespace

int ean13_check_digit(const char* twelve_digits) {
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (twelve_digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10;
}

store::ImportBatch make_demo_batch(std::int64_t product_count, std::uint64_t seed) {
    store::ImportBatch batch;
    std::vector<std::string> leaves;
    add_categories(batch, leaves);
    add_manufacturers(batch);
    Rng rng(seed);
    std::int64_t next_variant = 1;
    batch.products.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, product_count)));
    for (std::int64_t n = 1; n <= product_count; ++n)
        batch.products.push_back(make_product(rng, n, leaves, batch, next_variant));
    return batch;
}

}  // namespace records
