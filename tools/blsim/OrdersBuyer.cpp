#include "blsim/OrdersBuyer.h"

#include <array>
#include <string>
#include <vector>

namespace blsim {

namespace {

struct Person {
    const char* first;
    const char* ascii;  // for e-mail and login
    bool female;
};

struct Surname {
    const char* male;
    const char* female;
    const char* ascii;
};

struct City {
    const char* name;
    const char* postcode;
    const char* locker_code;  // InPost prefix
};

const std::vector<Person> kPeople = {
    {"Agnieszka", "agnieszka", true}, {"Małgorzata", "malgorzata", true},
    {"Katarzyna", "katarzyna", true}, {"Zofia", "zofia", true},
    {"Łucja", "lucja", true},         {"Joanna", "joanna", true},
    {"Piotr", "piotr", false},        {"Krzysztof", "krzysztof", false},
    {"Łukasz", "lukasz", false},      {"Michał", "michal", false},
    {"Paweł", "pawel", false},        {"Grzegorz", "grzegorz", false},
};

const std::vector<Surname> kSurnames = {
    {"Wróblewski", "Wróblewska", "wroblewski"},
    {"Kowalski", "Kowalska", "kowalski"},
    {"Nowak", "Nowak", "nowak"},
    {"Wiśniewski", "Wiśniewska", "wisniewski"},
    {"Dąbrowski", "Dąbrowska", "dabrowski"},
    {"Zieliński", "Zielińska", "zielinski"},
    {"Szymański", "Szymańska", "szymanski"},
    {"Woźniak", "Woźniak", "wozniak"},
    {"Kaczmarek", "Kaczmarek", "kaczmarek"},
    {"Żak", "Żak", "zak"},
};

const std::vector<City> kCities = {
    {"Kraków", "31-150", "KRA"},    {"Warszawa", "00-950", "WAW"}, {"Gdańsk", "80-251", "GDA"},
    {"Wrocław", "50-077", "WRO"},   {"Poznań", "61-731", "POZ"},   {"Łódź", "90-410", "LOD"},
    {"Białystok", "15-062", "BIA"}, {"Rzeszów", "35-064", "RZE"},
};

const std::vector<std::string> kStreets = {
    "ul. Żeromskiego", "ul. Mickiewicza",  "ul. Słowackiego",    "al. Jana Pawła II",
    "ul. Kościuszki",  "ul. Piłsudskiego", "os. Złotej Jesieni", "ul. Świętokrzyska",
};

const std::vector<std::string> kCompanies = {
    "Pracownia Ceramiki Wróbel", "Żabka Franczyza sp. z o.o.", "Usługi Remontowe Łukasz Nowak",
    "Kwiaciarnia Różany Ogród"};

const std::vector<std::string> kComments = {"", "", "Proszę zapakować ostrożnie",
                                            "Prezent — bez paragonu w paczce",
                                            "Dzwonić przed dostawą"};

std::string digits(Rng& rng, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng.below(10));
    return out;
}

// A NIP with a valid check digit (weights 6,5,7,2,3,4,5,6,7, mod 11 != 10).
std::string nip(Rng& rng) {
    static constexpr std::array<int, 9> kWeights = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string n = std::to_string(1 + rng.below(9)) + digits(rng, 8);
        int sum = 0;
        for (std::size_t i = 0; i < 9; ++i) sum += (n[i] - '0') * kWeights[i];
        if (sum % 11 != 10) return n + static_cast<char>('0' + sum % 11);
    }
    return "6762475811";
}

std::string address(Rng& rng) {
    std::string a = kStreets[rng.below(kStreets.size())] + " " + std::to_string(1 + rng.below(120));
    if (rng.below(2)) a += "/" + std::to_string(1 + rng.below(40));
    return a;
}

}  // namespace

void fill_buyer(Rng& rng, Fields& f) {
    const Person& p = kPeople[rng.below(kPeople.size())];
    const Surname& s = kSurnames[rng.below(kSurnames.size())];
    const City& c = kCities[rng.below(kCities.size())];
    const std::string full = std::string(p.first) + " " + (p.female ? s.female : s.male);
    const bool allegro = rng.below(3) != 0;
    const std::string login = std::string(p.ascii) + "_" + s.ascii + digits(rng, 2);
    f["delivery_fullname"] = full;
    f["delivery_company"] = "";
    f["delivery_address"] = address(rng);
    f["delivery_city"] = c.name;
    f["delivery_postcode"] = c.postcode;
    f["delivery_state_code"] = "";
    f["delivery_country"] = "Polska";
    f["delivery_country_code"] = "PL";
    const bool invoice = rng.below(4) == 0;
    f["want_invoice"] = invoice ? "1" : "0";
    f["invoice_fullname"] = full;
    f["invoice_company"] = invoice ? kCompanies[rng.below(kCompanies.size())] : "";
    f["invoice_nip"] = invoice ? nip(rng) : "";
    f["invoice_address"] = f["delivery_address"];
    f["invoice_city"] = c.name;
    f["invoice_postcode"] = c.postcode;
    f["invoice_state_code"] = "";
    f["invoice_country"] = "Polska";
    f["invoice_country_code"] = "PL";
    f["phone"] = "+48 " + std::to_string(5 + rng.below(3)) + digits(rng, 2) + " " + digits(rng, 3) +
                 " " + digits(rng, 3);
    f["email"] = allegro ? std::string(p.ascii) + "." + s.ascii + "+allegro@example.pl"
                         : digits(rng, 12) + "@marketplace.amazon.example";
    f["client_login"] = allegro ? login : "";
    const std::string& comment = kComments[rng.below(kComments.size())];
    f["user_comments"] = allegro ? "[Allegro: " + login + "] " + comment : comment;
}

void fill_locker(Rng& rng, Fields& f) {
    const std::string& city = f["delivery_city"];
    const City* c = &kCities.front();
    for (const auto& candidate : kCities)
        if (city == candidate.name) c = &candidate;
    const std::string id =
        std::string(c->locker_code) + digits(rng, 2) + static_cast<char>('A' + rng.below(26));
    f["delivery_point_id"] = id;
    f["delivery_point_name"] = "Paczkomat " + id;
    f["delivery_point_address"] = address(rng);
    f["delivery_point_postcode"] = c->postcode;
    f["delivery_point_city"] = c->name;
}

}  // namespace blsim
