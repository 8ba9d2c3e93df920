// The order inbox (docs/orders.md, "Orders on hold"): a BaseLinker order that cannot become a
// normal shop order is stored on hold, takes no stock, keeps its request and problems; staff
// correct its lines and release it, and only then does it take stock. Both backends.
#include "OrdersTest.h"

using namespace store_tests;
using Kind = store::AddOrderResult::Kind;

namespace {

constexpr store::Id kNew = 1, kInProgress = 2, kCancelled = 6;

store::HoldProblem problem(std::int64_t line, std::string field, bool blocking) {
    store::HoldProblem p;
    p.line = line;
    p.message = "line " + std::to_string(line + 1) + " " + field + ": \"1.5\" is not right";
    p.field = std::move(field);
    p.blocking = blocking;
    return p;
}

// An order the reader could not fully interpret: line 1's quantity was "1.5" (stand-in 1).
store::OrderInput unreadable(std::int64_t baselinker_id) {
    auto o = bl_order(baselinker_id, {line(1, 0, 1), line(3, 0, 2)});
    o.take_stock = true;
    o.problems = {problem(0, "quantity", true)};
    o.request = R"({"baselinker_id":"7001","products":"[...]"})";
    return o;
}

class OrderInboxTest : public OrdersTest {
  protected:
    void SetUp() override {
        OrdersTest::SetUp();
        for (const auto& s : store_->lookups().order_statuses())
            if (s.name == "Wymaga uwagi") hold_ = s.id;
        ASSERT_NE(hold_, 0) << "migration 009 seeds the hold status";
    }
    store::Id add_held(std::int64_t baselinker_id = 7001) {
        auto r = add(unreadable(baselinker_id));
        EXPECT_EQ(r.kind, Kind::Held);
        return r.order_id;
    }
    std::vector<store::Id> held_ids() {
        store::OrderListQuery q;
        q.held = true;
        std::vector<store::Id> ids;
        for (const auto& s : orders().list_orders(q)) ids.push_back(s.id);
        return ids;
    }
    core::Status fix_quantity(store::Id id, std::int64_t line, std::int64_t quantity) {
        store::LineCorrection c;
        c.quantity = quantity;
        return orders().correct_held_line(id, line, c, "admin:ola", kNow + 1);
    }
    core::Status bind(store::Id id, std::int64_t line, store::Id product, store::Id variant) {
        store::LineCorrection c;
        c.product_id = product;
        c.variant_id = variant;
        return orders().correct_held_line(id, line, c, "admin:ola", kNow + 1);
    }
    core::Result<store::ReleaseResult> release(store::Id id) {
        return orders().release_held_order(id, kNew, "admin:ola", kNow + 2);
    }
    void expect_clean_audit() { EXPECT_TRUE(orders().stock_audit().differences.empty()); }

    store::Id hold_ = 0;
};

TEST_F(OrderInboxTest, HeldOrderIsStoredWithItsRequestAndTakesNoStock) {
    const auto id = add_held();
    ASSERT_GT(id, 0);
    const auto order = get(id);
    EXPECT_TRUE(order.held);
    EXPECT_EQ(order.status_id, hold_);
    EXPECT_EQ(order.baselinker_id, 7001);
    ASSERT_TRUE(order.hold.has_value());
    EXPECT_EQ(order.hold->request, R"({"baselinker_id":"7001","products":"[...]"})");
    EXPECT_EQ(order.hold->held_at, kNow);
    EXPECT_EQ(order.hold->released_at, 0);
    ASSERT_EQ(order.hold->problems.size(), 1u);
    EXPECT_EQ(order.hold->problems[0].line, 0);
    EXPECT_EQ(order.hold->problems[0].field, "quantity");
    EXPECT_TRUE(order.hold->problems[0].blocking);
    EXPECT_EQ(order.lines.size(), 2u);
    EXPECT_EQ(stock(1), 10);
    EXPECT_TRUE(order.stock_moves.empty());
    EXPECT_EQ(order.history.at(0).to_status, hold_);
    EXPECT_EQ(held_ids(), std::vector<store::Id>{id});
    EXPECT_EQ(orders().order_stats(kNow).on_hold, 1);
    // OrdersGet reports it, with the hold status.
    auto page = orders().orders_page({}, {0, 10});
    ASSERT_EQ(page.orders.size(), 1u);
    EXPECT_EQ(page.orders[0].status_id, hold_);
    expect_clean_audit();
}

TEST_F(OrderInboxTest, ResendOfAHeldOrderAnswersTheSameIdAndWritesNothing) {
    const auto id = add_held();
    const auto again = add(unreadable(7001));
    EXPECT_EQ(again.kind, Kind::Duplicate);
    EXPECT_EQ(again.order_id, id);
    EXPECT_EQ(order_count(), 1);
}

TEST_F(OrderInboxTest, UnboundLineIsHeldUnderTheHoldPolicyAndFreeUnderKeep) {
    options_.unknown_products = store::UnknownProducts::Hold;
    auto held = add(bl_order(7002, {coded("NO-SUCH", "", 2), line(1, 0, 3)}));
    EXPECT_EQ(held.kind, Kind::Held);
    ASSERT_EQ(held.problems.size(), 1u);
    EXPECT_EQ(held.problems[0].field, "product");
    EXPECT_EQ(held.problems[0].line, 0);
    EXPECT_NE(held.problems[0].message.find("NO-SUCH"), std::string::npos);
    EXPECT_EQ(stock(1), 10);

    options_.unknown_products = store::UnknownProducts::Keep;
    auto kept = add(bl_order(7003, {coded("NO-SUCH", "", 2), line(1, 0, 3)}));
    EXPECT_EQ(kept.kind, Kind::Created);
    EXPECT_EQ(stock(1), 7);

    // Reject stays what the owner chose: nothing written, even when lines were unreadable too.
    options_.unknown_products = store::UnknownProducts::Reject;
    auto o = bl_order(7004, {coded("NO-SUCH", "", 2)});
    o.problems = {problem(0, "quantity", true)};
    EXPECT_EQ(add(o).kind, Kind::Rejected);
    EXPECT_EQ(order_count(), 2);
}

TEST_F(OrderInboxTest, ReleaseWaitsForBlockingProblemsThenTakesStock) {
    const auto id = add_held();
    auto early = release(id);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.status().code(), core::Code::Conflict);
    EXPECT_NE(early.status().message().find("quantity"), std::string::npos);
    EXPECT_TRUE(get(id).held);

    ASSERT_TRUE(fix_quantity(id, 0, 2).ok());
    ASSERT_TRUE(bind(id, 1, 3, red_).ok());  // line 2 named the product, staff chose the variant
    auto released = release(id);
    ASSERT_TRUE(released.ok()) << released.status().text();
    EXPECT_EQ(released->status_id, kNew);
    EXPECT_EQ(released->units, 4);
    EXPECT_EQ(released->oversold, 0);
    EXPECT_EQ(released->free_lines, 0);

    const auto order = get(id);
    EXPECT_FALSE(order.held);
    EXPECT_EQ(order.status_id, kNew);
    EXPECT_EQ(order.hold->released_at, kNow + 2);
    EXPECT_EQ(order.hold->released_by, "admin:ola");
    EXPECT_EQ(order.hold->problems[0].resolved_by, "admin:ola");
    EXPECT_EQ(order.lines[0].quantity, 2);
    EXPECT_EQ(order.lines[1].variant_id, red_);
    EXPECT_EQ(stock(1), 8);
    EXPECT_EQ(stock(3, red_), 1);
    EXPECT_EQ(order.history.back().note, "stock taken again: 4 units");
    EXPECT_NE(order.history.at(1).note.find("line 1: quantity 2"), std::string::npos);
    EXPECT_TRUE(held_ids().empty());
    EXPECT_EQ(orders().order_stats(kNow).on_hold, 0);
    expect_clean_audit();
    // Released once: a second release is a conflict and moves nothing.
    EXPECT_EQ(release(id).status().code(), core::Code::Conflict);
    EXPECT_EQ(stock(1), 8);
}

TEST_F(OrderInboxTest, ReleaseRecordsOversellsAndFreeLines) {
    options_.unknown_products = store::UnknownProducts::Hold;
    const auto id = add(bl_order(7005, {line(1, 0, 12), coded("NO-SUCH", "", 1)})).order_id;
    store::LineCorrection free;
    free.free = true;
    ASSERT_TRUE(orders().correct_held_line(id, 1, free, "admin:ola", kNow).ok());
    auto released = release(id);
    ASSERT_TRUE(released.ok()) << released.status().text();
    EXPECT_EQ(released->units, 10);
    EXPECT_EQ(released->oversold, 2);
    EXPECT_EQ(released->free_lines, 1);
    EXPECT_EQ(stock(1), 0);
    EXPECT_EQ(get(id).lines[0].oversold, 2);
    expect_clean_audit();
}

TEST_F(OrderInboxTest, WithoutChangeProductsQuantityReleaseTakesNothing) {
    auto o = unreadable(7006);
    o.take_stock = false;
    const auto id = add(o).order_id;
    ASSERT_TRUE(fix_quantity(id, 0, 1).ok());
    auto released = release(id);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(released->units, 0);
    EXPECT_EQ(stock(1), 10);
    EXPECT_EQ(get(id).status_id, kNew);
}

TEST_F(OrderInboxTest, HeldOrderCanOnlyBeCancelledUntilReleased) {
    const auto id = add_held();
    EXPECT_EQ(orders().set_status(id, kInProgress, "baselinker", kNow).result,
              store::UpdateResult::OnHold);
    EXPECT_EQ(get(id).status_id, hold_);

    auto cancel = orders().set_status(id, kCancelled, "admin:ola", kNow);
    EXPECT_EQ(cancel.result, store::UpdateResult::Applied);
    EXPECT_FALSE(cancel.stock_returned);               // it held nothing
    EXPECT_EQ(orders().order_stats(kNow).on_hold, 0);  // nothing left to do for staff
    EXPECT_TRUE(get(id).held);
    EXPECT_EQ(orders().set_status(id, kNew, "admin:ola", kNow).result, store::UpdateResult::OnHold);

    // Released while cancelled, it stays cancelled; reviving it later takes its stock.
    ASSERT_TRUE(fix_quantity(id, 0, 1).ok());
    auto released = release(id);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(released->status_id, kCancelled);
    EXPECT_EQ(released->units, 0);
    EXPECT_EQ(stock(1), 10);
    auto revived = orders().set_status(id, kNew, "admin:ola", kNow);
    EXPECT_TRUE(revived.stock_retaken);
    EXPECT_EQ(stock(1), 9);
    expect_clean_audit();
}

TEST_F(OrderInboxTest, OnlyHoldingPutsAnOrderInTheHoldStatus) {
    const auto id = add(bl_order(7007, {line(1, 0, 1)})).order_id;
    EXPECT_EQ(orders().set_status(id, hold_, "admin:ola", kNow).result,
              store::UpdateResult::OnHold);
    // An OrderAdd naming the hold status gets the default one.
    auto o = bl_order(7008, {line(1, 0, 1)});
    o.status_id = hold_;
    options_.default_status = kInProgress;
    EXPECT_EQ(get(add(o).order_id).status_id, kInProgress);
}

TEST_F(OrderInboxTest, ReplacingANormalOrderWithAnUnreadableVersionGivesItsStockBack) {
    const auto id = add(bl_order(7009, {line(1, 0, 3)})).order_id;
    ASSERT_EQ(stock(1), 7);
    auto replaced = add(unreadable(7009), id);
    EXPECT_EQ(replaced.kind, Kind::Held);
    EXPECT_EQ(replaced.order_id, id);
    EXPECT_EQ(stock(1), 10);
    const auto order = get(id);
    EXPECT_TRUE(order.held);
    EXPECT_EQ(order.status_id, hold_);
    EXPECT_EQ(order.stock_moves.back().reason, "held");
    EXPECT_EQ(order.history.back().note, "on hold; stock returned: 3 units");
    expect_clean_audit();
}

TEST_F(OrderInboxTest, CleanReplacementReleasesAHeldOrder) {
    const auto id = add_held(7010);
    auto clean = bl_order(7010, {line(1, 0, 2)});
    auto replaced = add(clean, id);
    EXPECT_EQ(replaced.kind, Kind::Replaced);
    EXPECT_EQ(replaced.order_id, id);
    ASSERT_EQ(replaced.lines.size(), 1u);
    EXPECT_EQ(replaced.lines[0].stock_taken, 2);
    const auto order = get(id);
    EXPECT_FALSE(order.held);
    EXPECT_EQ(order.status_id, options_.default_status);
    EXPECT_EQ(order.hold->released_by, "baselinker");
    EXPECT_EQ(stock(1), 8);
    expect_clean_audit();
}

TEST_F(OrderInboxTest, AHeldOrderReplacedByAnotherUnreadableVersionStaysHeld) {
    const auto id = add_held(7011);
    auto again = unreadable(7011);
    again.problems = {problem(1, "price", false), problem(0, "quantity", true)};
    auto replaced = add(again, id);
    EXPECT_EQ(replaced.kind, Kind::Held);
    const auto order = get(id);
    EXPECT_TRUE(order.held);
    EXPECT_EQ(order.hold->problems.size(), 2u);
    EXPECT_EQ(order.hold->problems[0].field, "price");
    EXPECT_EQ(stock(1), 10);
}

TEST_F(OrderInboxTest, CorrectionsAreCheckedAndChangeNothingWhenRefused) {
    const auto id = add_held();
    const auto normal = add(bl_order(7012, {line(1, 0, 1)})).order_id;
    EXPECT_EQ(fix_quantity(999, 0, 1).code(), core::Code::NotFound);
    EXPECT_EQ(fix_quantity(normal, 0, 1).code(), core::Code::Conflict);
    EXPECT_EQ(fix_quantity(id, 5, 1).code(), core::Code::NotFound);
    EXPECT_EQ(fix_quantity(id, 0, 0).code(), core::Code::InvalidField);
    EXPECT_EQ(fix_quantity(id, 0, 1'000'000'001).code(), core::Code::InvalidField);
    EXPECT_EQ(bind(id, 0, 3, 0).code(), core::Code::NotFound);  // has variants: name one
    EXPECT_EQ(bind(id, 0, 424242, 0).code(), core::Code::NotFound);
    store::LineCorrection both;
    both.product_id = 1;
    both.free = true;
    EXPECT_EQ(orders().correct_held_line(id, 0, both, "cli", kNow).code(),
              core::Code::InvalidField);
    EXPECT_EQ(orders().correct_held_line(id, 0, {}, "cli", kNow).code(), core::Code::InvalidField);
    const auto order = get(id);
    EXPECT_EQ(order.lines[0].quantity, 1);
    EXPECT_EQ(order.lines[0].product_id, 1);
    EXPECT_EQ(order.history.size(), 1u);
    EXPECT_EQ(order.hold->problems[0].resolved_at, 0);
}

TEST_F(OrderInboxTest, ReleaseNeedsAStatusAReleasedOrderCanTake) {
    const auto id = add_held();
    ASSERT_TRUE(fix_quantity(id, 0, 1).ok());
    EXPECT_EQ(orders().release_held_order(id, 99, "cli", kNow).status().code(),
              core::Code::InvalidField);
    EXPECT_EQ(orders().release_held_order(id, hold_, "cli", kNow).status().code(),
              core::Code::InvalidField);
    EXPECT_TRUE(get(id).held);
}

TEST_F(OrderInboxTest, ShopOrdersAreNeverHeld) {
    options_.unknown_products = store::UnknownProducts::Hold;
    store::OrderInput o;
    o.lines = {line(std::nullopt, 0, 1), line(1, 0, 1)};
    auto r = orders().create_shop_order(o, options_, kNow);
    EXPECT_EQ(r.kind, Kind::Created);
    EXPECT_EQ(stock(1), 9);
}

}  // namespace
