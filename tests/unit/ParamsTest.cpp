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

TEST(Params, FlagsAcceptZeroOneAndBooleans) {
    Form form = form_of({{"a", "1"}, {"b", "0"}, {"c", "true"}, {"d", "False"}, {"e", ""}});
    Params p(form);
    EXPECT_EQ(*p.flag("a"), std::optional<bool>(true));
    EXPECT_EQ(*p.flag("b"), std::optional<bool>(false));
    EXPECT_EQ(*p.flag("c"), std::optional<bool>(true));
    EXPECT_EQ(*p.flag("d"), std::optional<bool>(false));
    EXPECT_EQ(*p.flag("e"), std::nullopt);
    EXPECT_EQ(*p.flag("absent"), std::nullopt);
}

TEST(Params, FlagRejectsOtherValuesNamingTheField) {
    Form form = form_of({{"only_paid", "yes"}});
    auto r = Params(form).flag("only_paid");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), core::Code::InvalidField);
    EXPECT_EQ(r.status().text(), "only_paid: expected 0 or 1");
}

TEST(Params, IdListSplitsTrimsAndDropsEmpties) {
    Form form = form_of({{"products_id", "1002, 1003,,1001 "}});
    auto ids = Params(form).id_list("products_id");
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(*ids, (std::vector<std::int64_t>{1002, 1003, 1001}));
}

TEST(Params, IdListOfAbsentFieldIsEmpty) {
    Form form;
    auto ids = Params(form).id_list("orders_ids");
    ASSERT_TRUE(ids.ok());
    EXPECT_TRUE(ids->empty());
}

TEST(Params, IdListRejectsNonIntegers) {
    Form form = form_of({{"orders_ids", "1,2;DROP TABLE orders"}});
    auto ids = Params(form).id_list("orders_ids");
    ASSERT_FALSE(ids.ok());
    EXPECT_EQ(ids.status().text(), "orders_ids: expected comma-separated integer ids");
}
