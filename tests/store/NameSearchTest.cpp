// The name filter of list_products (ProductsList filter_name, the admin product list): a plain
// substring of the case-folded name, whichever way the backend finds it (a trigram index for
// texts of 3 or more characters, a scan for shorter ones). Every answer is checked against
// the same substring test done here in C++, so the two paths and the two backends must agree.
#include <gtest/gtest.h>

#include "SmallShop.h"
#include "core/Text.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

using store_tests::zl;
using testing_support::TempDb;

namespace {

// Names that trip a query syntax: LIKE wildcards and escapes, FTS5 operators and quoting,
// Polish capitals (folded by ICU, not by the databases), a fold that changes the length.
const std::vector<std::string> kNames = {
    "Kubek ceramiczny 330 ml",
    "KUBEK termiczny ŁÓDŹ",
    "Żółw pluszowy ĄĆĘŁŃÓŚŹŻ",
    "Łyżka drewniana żółta",
    "Rabat 50% na_wszystko",
    R"(Ścieżka C:\temp\plik)",
    R"(Say "hi" OR NEAR(a b) AND NOT x)",
    "kub* ^start -minus name_folded:on (par) {a b}",
    "O'Reilly's kubek",
    "Straße",
    "aaaa",
    "x",
    "ab",
};

// What the filter promises, done the slow way: the folded name contains the folded text.
std::vector<store::Id> expected_ids(const std::string& text) {
    const std::string needle = core::fold_case(text);
    std::vector<store::Id> ids;
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (core::fold_case(kNames[i]).find(needle) != std::string::npos)
            ids.push_back(static_cast<store::Id>(i + 1));
    return ids;
}

store::ImportProduct product(std::size_t index) {
    store::ImportProduct p;
    p.external_id = "n" + std::to_string(index + 1);
    p.sku = "NS-" + std::to_string(index + 1);
    p.name = kNames[index];
    p.price = zl(1000 + static_cast<std::int64_t>(index));
    p.stock = 1;
    return p;
}

class NameSearch : public testing::Test {
  protected:
    void SetUp() override {
        store::ImportBatch batch;
        for (std::size_t i = 0; i < kNames.size(); ++i) batch.products.push_back(product(i));
        must(catalog().import(batch, nullptr, nullptr));
    }
    store::Catalog& catalog() { return store_->catalog(); }

    store::ProductFilter named(const std::string& text) {
        store::ProductFilter f;
        f.name_folded = core::fold_case(text);
        return f;
    }
    std::vector<store::Id> ids(const store::ProductFilter& f, store::Slice slice = {}) {
        std::vector<store::Id> out;
        for (auto& row : catalog().list_products(f, slice).rows) out.push_back(row.id);
        return out;
    }
    void expect_same_as_substring(const std::string& text) {
        const auto expected = expected_ids(text);
        EXPECT_EQ(ids(named(text)), expected) << "search: " << text;
        EXPECT_EQ(catalog().list_products(named(text), {0, 1}).total,
                  static_cast<std::int64_t>(expected.size()))
            << "search: " << text;
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    using Ids = std::vector<store::Id>;
};

}  // namespace

TEST_F(NameSearch, PolishLettersFoldOnBothSides) {
    EXPECT_EQ(ids(named("łódź")), (Ids{2}));
    EXPECT_EQ(ids(named("ŻÓŁW")), (Ids{3}));
    EXPECT_EQ(ids(named("ąćęłńóśźż")), (Ids{3}));
    EXPECT_EQ(ids(named("ĄĆĘ")), (Ids{3}));
    EXPECT_EQ(ids(named("ŻÓŁTA")), (Ids{4}));
    EXPECT_EQ(ids(named("kubek")), (Ids{1, 2, 9}));
    for (const char* text : {"łódź", "ódź", "żółw", "ŻÓŁ", "łyż", "ĘŁŃ", "źż", "ŃÓŚŹŻ", "łó", "ł"})
        expect_same_as_substring(text);
}

TEST_F(NameSearch, LikeWildcardsAndEscapesArePlainCharacters) {
    for (const char* text : {"%", "_", "%_", "50%", "% na_", "0% n", "a_w", "na_wsz", R"(\)",
                             R"(\t)", R"(c:\temp\)", R"(\plik)", R"(\\)", "%%%", "___", "a%a"})
        expect_same_as_substring(text);
    EXPECT_EQ(ids(named("50%")), (Ids{5}));
    EXPECT_EQ(ids(named("___")), Ids{});  // no name has three underscores in a row
    EXPECT_EQ(ids(named(R"(c:\temp\)")), (Ids{6}));
}

TEST_F(NameSearch, FullTextSyntaxInTheTextIsPlainText) {
    for (const char* text : {R"(")",
                             R"("")",
                             R"("hi")",
                             R"("hi" or)",
                             R"(say "hi)",
                             "OR",
                             " OR ",
                             "or near",
                             "NEAR(a b)",
                             "NEAR",
                             "AND NOT",
                             "NOT x",
                             "kub*",
                             "*",
                             "^start",
                             "^",
                             "-minus",
                             "-",
                             "name_folded:on",
                             "name_folded:",
                             ":",
                             "(par)",
                             "{a b}",
                             "o'reilly",
                             "'s k",
                             "'",
                             "''",
                             "kub* OR aaaa",
                             "products_name_fts",
                             "a b"})
        expect_same_as_substring(text);
    EXPECT_EQ(ids(named(R"("hi")")), (Ids{7}));
    EXPECT_EQ(ids(named("kub*")), (Ids{8}));
    EXPECT_EQ(ids(named("kub* OR aaaa")), Ids{});  // not "kub* or aaaa" as a query
}

TEST_F(NameSearch, ShortTextsAreSubstringsToo) {
    for (const char* text : {"k", "K", "x", "ab", "AB", "a", "aa", "ż", "Ż", "ss", "ß", " ", "  ",
                             "\"", "l ", " m", "'s"})
        expect_same_as_substring(text);
    EXPECT_EQ(ids(named("ab")), (Ids{5, 13}));  // "Rabat", "ab"
}

TEST_F(NameSearch, OverlappingAndRepeatedTrigrams) {
    for (const char* text : {"aaa", "aaaa", "aaaaa", "kubek kubek", "ubek", "kubek t", "strasse",
                             "STRASSE", "Straße", "traß", "ml", "330 ml", "kubek ceramiczny 330 ml",
                             "kubek ceramiczny 330 ml!", "zzzz", "ceramicznyy"})
        expect_same_as_substring(text);
    EXPECT_EQ(ids(named("aaaaa")), Ids{});
    EXPECT_EQ(ids(named("STRASSE")), (Ids{10}));  // "ß" folds to "ss"
}

TEST_F(NameSearch, PagesCountTheMatchesAndCombineWithOtherFilters) {
    auto f = named("kubek");
    EXPECT_EQ(ids(f, {0, 2}), (Ids{1, 2}));
    EXPECT_EQ(ids(f, {2, 2}), (Ids{9}));
    EXPECT_EQ(catalog().list_products(f, {2, 2}).total, 3);
    f.sort = store::SortField::Name;
    EXPECT_EQ(ids(f), (Ids{1, 2, 9}));  // "kubek c" < "kubek t" < "o'reilly"
    f.price_from = zl(1001);
    EXPECT_EQ(ids(f), (Ids{2, 9}));
    f.descending = true;
    EXPECT_EQ(ids(f), (Ids{9, 2}));
    auto short_text = named("ml");
    short_text.ids = std::vector<store::Id>{1, 2, 3};
    EXPECT_EQ(ids(short_text), (Ids{1}));
}

// The index follows every write: a renamed product is found by its new name only, a product
// whose name did not change is still found after other columns changed.
TEST_F(NameSearch, FollowsRenamesAndOtherChanges) {
    auto renamed = product(0);
    renamed.name = "Filiżanka porcelanowa";
    must(catalog().save_product(1, renamed));
    EXPECT_EQ(ids(named("kubek")), (Ids{2, 9}));
    EXPECT_EQ(ids(named("ceramiczny")), Ids{});
    EXPECT_EQ(ids(named("FILIŻANKA")), (Ids{1}));

    auto repriced = product(1);
    repriced.price = zl(99);
    repriced.stock = 40;
    must(catalog().save_product(2, repriced));
    EXPECT_EQ(ids(named("termiczny łódź")), (Ids{2}));

    store::ImportBatch batch;  // a re-import renames one product, leaves the others
    for (std::size_t i = 0; i < kNames.size(); ++i) batch.products.push_back(product(i));
    batch.products[2].name = "Żółwik";
    must(catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(ids(named("pluszowy")), Ids{});
    EXPECT_EQ(ids(named("żółwik")), (Ids{3}));
    EXPECT_EQ(ids(named("ceramiczny")), (Ids{1}));  // product 1 has its old name again
    EXPECT_EQ(ids(named("filiżanka")), Ids{});
    EXPECT_EQ(ids(named("kubek")), (Ids{1, 2, 9}));
}
