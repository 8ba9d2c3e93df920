#include "wire/Params.h"

#include <gtest/gtest.h>

using wire::Form;
using wire::Params;

namespace {

Form form_of(std::initializer_list<std::pair<const std::string, std::string>> fields) {
    Form form;
    form.fields = fields;
    return form;
}

std::int64_t page_of(std::string value) {
    Form form = form_of({{"page", value}});
    return Params(form).page();
}

}  // namespace

TEST(Params, GetDistinguishesAbsentFromEmpty) {
    Form form = form_of({{"previous_order_id", ""}, {"action", "OrderAdd"}});
    Params p(form);
    EXPECT_FALSE(p.get("missing").has_value());
    ASSERT_TRUE(p.get("previous_order_id").has_value());
    EXPECT_EQ(*p.get("previous_order_id"), "");
    EXPECT_EQ(p.text("action"), "OrderAdd");
    EXPECT_EQ(p.text("missing"), "");
    EXPECT_TRUE(p.has_value("action"));
    EXPECT_FALSE(p.has_value("previous_order_id"));
}

TEST(Params, PageFallsBackToOne) {
    Form empty;
    EXPECT_EQ(Params(empty).page(), 1);
    EXPECT_EQ(page_of(""), 1);
    EXPECT_EQ(page_of("0"), 1);
    EXPECT_EQ(page_of("-3"), 1);
    EXPECT_EQ(page_of("abc"), 1);
    EXPECT_EQ(page_of("2.5"), 1);
    EXPECT_EQ(page_of("99999999999999999999999"), 1);
    EXPECT_EQ(page_of("2"), 2);
    EXPECT_EQ(page_of(" 7 "), 7);
}

TEST(Params, FlagsReadWithPhpTruthiness) {
    Form form = form_of({{"a", "1"},
                         {"b", "0"},
                         {"c", "true"},
                         {"d", "False"},
                         {"e", ""},
                         {"f", " yes "},
                         {"g", "on"},
                         {"h", "off"},
                         {"i", "2"},
                         {"j", "0.0"}});
    Params p(form);
    EXPECT_EQ(p.flag("a"), std::optional<bool>(true));
    EXPECT_EQ(p.flag("b"), std::optional<bool>(false));
    EXPECT_EQ(p.flag("c"), std::optional<bool>(true));
    EXPECT_EQ(p.flag("d"), std::optional<bool>(false));
    EXPECT_EQ(p.flag("e"), std::nullopt);
    EXPECT_EQ(p.flag("absent"), std::nullopt);
    EXPECT_EQ(p.flag("f"), std::optional<bool>(true));
    EXPECT_EQ(p.flag("g"), std::optional<bool>(true));
    EXPECT_EQ(p.flag("h"), std::optional<bool>(false));
    EXPECT_EQ(p.flag("i"), std::optional<bool>(true));
    EXPECT_EQ(p.flag("j"), std::optional<bool>(false));
}

TEST(Params, FlagNotesWhatItNormalisedAndNeverRefuses) {
    Form form = form_of({{"paid", "yes"}, {"cod", "1"}, {"want_invoice", "tak"}});
    Params p(form);
    wire::Notes notes;
    EXPECT_EQ(p.flag("paid", &notes), std::optional<bool>(true));
    EXPECT_EQ(p.flag("cod", &notes), std::optional<bool>(true));  // plain: no note
    EXPECT_EQ(p.flag("want_invoice", &notes), std::optional<bool>(false));
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0], "paid: \"yes\" read as 1");
    EXPECT_EQ(notes[1], "want_invoice: \"tak\" is not a flag value, read as 0");
}

TEST(Params, IdListSplitsTrimsAndDropsEmpties) {
    Form form = form_of({{"products_id", "1002, 1003,,1001 "}});
    auto ids = Params(form).id_list("products_id", 1000);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(*ids, (std::vector<std::int64_t>{1002, 1003, 1001}));
}

TEST(Params, IdListOfAbsentFieldIsEmpty) {
    Form form;
    auto ids = Params(form).id_list("orders_ids", 1000);
    ASSERT_TRUE(ids.ok());
    EXPECT_TRUE(ids->empty());
}

TEST(Params, IdListStopsAtItsCap) {
    std::string many;
    for (int i = 1; i <= 600000; ++i) many += std::to_string(i) + ",";
    Form form = form_of({{"products_id", many}});
    auto ids = Params(form).id_list("products_id", 1000);
    ASSERT_FALSE(ids.ok());
    EXPECT_EQ(ids.status().text(), "products_id: at most 1000 ids per request");
    Form exactly = form_of({{"products_id", "1,2,3"}});
    EXPECT_TRUE(Params(exactly).id_list("products_id", 3).ok());
}

TEST(Params, IdListRejectsNonIntegers) {
    Form form = form_of({{"orders_ids", "1,2;DROP TABLE orders"}});
    auto ids = Params(form).id_list("orders_ids", 1000);
    ASSERT_FALSE(ids.ok());
    EXPECT_EQ(ids.status().text(), "orders_ids: expected comma-separated integer ids");
}
