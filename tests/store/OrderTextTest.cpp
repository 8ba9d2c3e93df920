// What an order's text may hold (store/OrderText.h), on both backends: control characters (NUL
// above all, which PostgreSQL cannot store) are removed and oversized texts cut, whoever sends
// the order, and the result says what changed. Never a database error.
#include "OrdersTest.h"
#include "store/OrderText.h"

using namespace store_tests;

namespace {

const std::string kNul("\0", 1);

TEST_F(OrdersTest, ControlCharactersAreRemovedAndLongTextsCutOnEveryOrder) {
    auto order = bl_order(7101, {line(1, 0, 1)});
    order.delivery.city = "Kra" + kNul + "ków\x01";
    order.user_comments = "Dzwonić\tprzed\r\ndostawą\x7F";
    order.lines[0].name = std::string(1200, 'x');
    order.lines[0].attributes = {{"Kolor" + kNul, "zielony", {}}};
    const auto result = add(order);
    ASSERT_EQ(result.kind, store::AddOrderResult::Kind::Created);
    const auto stored = get(result.order_id);
    EXPECT_EQ(stored.delivery.city, "Kraków");
    EXPECT_EQ(stored.user_comments, "Dzwonić\tprzed\r\ndostawą");  // tab and line breaks stay
    ASSERT_EQ(stored.lines.size(), 1u);
    EXPECT_EQ(stored.lines[0].name, std::string(store::kLineText, 'x'));
    ASSERT_EQ(stored.lines[0].attributes.size(), 1u);
    EXPECT_EQ(stored.lines[0].attributes[0].name, "Kolor");
    EXPECT_EQ(result.normalised,
              (std::vector<std::string>{"delivery_city: 2 control characters removed",
                                        "user_comments: 1 control character removed",
                                        "line 1 name: cut to 1000 characters",
                                        "line 1 attribute 1 name: 1 control character removed"}));

    // A storefront order follows the same rule.
    auto shop = bl_order(std::nullopt, {line(1, 0, 1)});
    shop.origin = store::OrderOrigin::Shop;
    shop.email = "jan" + kNul + "@example.pl";
    const auto from_shop = orders().create_shop_order(shop, options_, kNow);
    EXPECT_EQ(get(from_shop.order_id).email, "jan@example.pl");
    EXPECT_EQ(from_shop.normalised,
              (std::vector<std::string>{"email: 1 control character removed"}));
}

TEST_F(OrdersTest, ShipmentsAndStaffCommentsAreStoredClean) {
    const auto id = add(bl_order(7102, {line(1, 0, 1)})).order_id;
    store::Shipment shipment;
    shipment.number = "PL123" + kNul + "456";
    shipment.carrier = "InPost\x1b";
    EXPECT_EQ(orders().add_shipment(id, shipment, "baselinker", kNow),
              store::UpdateResult::Applied);
    EXPECT_EQ(orders().add_staff_comment(id, "Uwaga" + kNul + "!", "admin:ola", kNow),
              store::UpdateResult::Applied);
    const auto stored = get(id);
    ASSERT_EQ(stored.shipments.size(), 1u);
    EXPECT_EQ(stored.shipments[0].number, "PL123456");
    EXPECT_EQ(stored.shipments[0].carrier, "InPost");
    EXPECT_EQ(stored.admin_comments, "Uwaga!");
}

TEST(OrderText, CutsAtACharacterBoundaryAndSaysNothingWhenClean) {
    std::vector<std::string> notes;
    std::string text = "żółw";  // 4 characters, 7 bytes
    store::clean_text(text, 3, "name", notes);
    EXPECT_EQ(text, "żół");
    EXPECT_EQ(notes, (std::vector<std::string>{"name: cut to 3 characters"}));
    notes.clear();
    std::string clean = "Łódź\tul. Piotrkowska 1\n";
    store::clean_text(clean, 100, "address", notes);
    EXPECT_EQ(clean, "Łódź\tul. Piotrkowska 1\n");
    EXPECT_TRUE(notes.empty());
}

}  // namespace
