// The stock ledger: every stock movement an order causes is an entry; cancelling gives back what
// the ledger says the order holds, reviving takes it again through OrderAdd's plan, exactly
// once per transition however concurrent; the audit compares the ledger with the lines.
#include <sqlite3.h>

#include <atomic>
#include <thread>

#include "OrdersTest.h"
#include "SqliteRewind.h"
#include "support/Must.h"

using namespace store_tests;
using testing_support::TempDb;

namespace {

constexpr store::Id kNew = 1, kInProgress = 2, kCancelled = 6;

class StockLedgerTest : public OrdersTest {
  protected:
    // What the order holds per the ledger for one key: −(sum of its deltas).
    std::int64_t held(store::Id order, store::Id product, store::Id variant = 0) {
        std::int64_t sum = 0;
        for (const auto& m : get(order).stock_moves)
            if (m.product_id == product && m.variant_id == variant) sum += m.delta;
        return -sum;
    }
    std::int64_t taken_on_lines(store::Id order) {
        std::int64_t sum = 0;
        for (const auto& l : get(order).lines) sum += l.stock_taken;
        return sum;
    }
    void expect_clean_audit() {
        auto audit = orders().stock_audit();
        EXPECT_TRUE(audit.differences.empty()) << "order " << audit.differences.at(0).order_id
                                               << " ledger " << audit.differences.at(0).ledger_held
                                               << " lines " << audit.differences.at(0).lines_held;
    }
};

TEST_F(StockLedgerTest, AddRecordsWhatEachLineTook) {
    auto id =
        add(bl_order(5001, {line(1, 0, 12), line(3, red_, 2), line(std::nullopt, 0, 1)})).order_id;
    auto moves = get(id).stock_moves;
    ASSERT_EQ(moves.size(), 2u);  // the free line moves nothing
    EXPECT_EQ(moves[0].line_position, 0);
    EXPECT_EQ(moves[0].product_id, 1);
    EXPECT_EQ(moves[0].variant_id, 0);
    EXPECT_EQ(moves[0].delta, -10);  // what was in stock; 2 oversold
    EXPECT_EQ(moves[0].reason, "order_added");
    EXPECT_EQ(moves[0].actor, "baselinker");
    EXPECT_EQ(moves[0].at, kNow);
    EXPECT_EQ(moves[1].line_position, 1);
    EXPECT_EQ(moves[1].variant_id, red_);
    EXPECT_EQ(moves[1].delta, -2);
    EXPECT_TRUE(get(id).takes_stock);
    expect_clean_audit();
}

TEST_F(StockLedgerTest, AddWithoutChangeProductsQuantityRecordsNothing) {
    auto order = bl_order(5001, {line(1, 0, 3)});
    order.take_stock = false;
    auto id = add(order).order_id;
    EXPECT_TRUE(get(id).stock_moves.empty());
    EXPECT_FALSE(get(id).takes_stock);
    EXPECT_EQ(stock(1), 10);
    // Cancelling and reviving it moves nothing either.
    orders().set_status(id, kCancelled, "cli", kNow);
    auto revived = orders().set_status(id, kNew, "cli", kNow);
    EXPECT_FALSE(revived.stock_retaken);
    EXPECT_EQ(stock(1), 10);
    EXPECT_TRUE(get(id).stock_moves.empty());
    expect_clean_audit();
}

TEST_F(StockLedgerTest, CancelReviveCancelMovesStockExactlyAsTheLedgerSays) {
    auto id = add(bl_order(5001, {line(1, 0, 3), line(3, red_, 2)})).order_id;
    auto expect_step = [&](std::int64_t product_stock, std::int64_t red_stock) {
        EXPECT_EQ(stock(1), product_stock);
        EXPECT_EQ(stock(3, red_), red_stock);
        EXPECT_EQ(stock(1), 10 - held(id, 1));
        EXPECT_EQ(stock(3, red_), 3 - held(id, 3, red_));
        expect_clean_audit();
    };
    expect_step(7, 1);

    auto cancel = orders().set_status(id, kCancelled, "cli", kNow + 1);
    EXPECT_TRUE(cancel.stock_returned);
    EXPECT_EQ(cancel.units, 5);
    EXPECT_EQ(get(id).history.back().note, "stock returned: 5 units");
    EXPECT_EQ(taken_on_lines(id), 0);
    expect_step(10, 3);

    auto revive = orders().set_status(id, kInProgress, "admin:ola", kNow + 2);
    EXPECT_TRUE(revive.stock_retaken);
    EXPECT_EQ(revive.units, 5);
    EXPECT_EQ(revive.oversold, 0);
    EXPECT_EQ(get(id).history.back().note, "stock taken again: 5 units");
    EXPECT_EQ(taken_on_lines(id), 5);
    EXPECT_FALSE(get(id).stock_returned);
    expect_step(7, 1);

    // Between two normal statuses nothing moves.
    EXPECT_FALSE(orders().set_status(id, kNew, "cli", kNow + 3).stock_retaken);
    expect_step(7, 1);

    EXPECT_TRUE(orders().set_status(id, kCancelled, "cli", kNow + 4).stock_returned);
    expect_step(10, 3);

    auto moves = get(id).stock_moves;
    std::vector<std::string> reasons;
    for (const auto& m : moves) reasons.push_back(m.reason);
    EXPECT_EQ(reasons,
              (std::vector<std::string>{"order_added", "order_added", "cancelled", "cancelled",
                                        "revived", "revived", "cancelled", "cancelled"}));
    EXPECT_EQ(moves[4].actor, "admin:ola");
    EXPECT_EQ(moves[4].at, kNow + 2);
}

TEST_F(StockLedgerTest, CancelledToAnotherCancelledStatusMovesNothing) {
    auto lost = must(store_->lookups().save_order_status({0, "Zagubione", true}));
    auto id = add(bl_order(5001, {line(1, 0, 3)})).order_id;
    orders().set_status(id, kCancelled, "cli", kNow);
    auto again = orders().set_status(id, lost, "cli", kNow);
    EXPECT_EQ(again.result, store::UpdateResult::Applied);
    EXPECT_FALSE(again.stock_returned);
    EXPECT_FALSE(again.stock_retaken);
    EXPECT_EQ(stock(1), 10);
    EXPECT_EQ(get(id).stock_moves.size(), 2u);
    expect_clean_audit();
}

TEST_F(StockLedgerTest, ReviveOversellsWhatWasSoldMeanwhile) {
    auto id = add(bl_order(5001, {line(1, 0, 4)})).order_id;
    orders().set_status(id, kCancelled, "cli", kNow);
    add(bl_order(5002, {line(1, 0, 8)}));  // sold while the first was cancelled
    ASSERT_EQ(stock(1), 2);
    auto revive = orders().set_status(id, kNew, "cli", kNow);
    EXPECT_TRUE(revive.stock_retaken);
    EXPECT_EQ(revive.units, 2);
    EXPECT_EQ(revive.oversold, 2);
    EXPECT_EQ(get(id).history.back().note, "stock taken again: 2 units, 2 oversold");
    EXPECT_EQ(stock(1), 0);
    EXPECT_EQ(get(id).lines.at(0).stock_taken, 2);
    EXPECT_EQ(get(id).lines.at(0).oversold, 2);
    EXPECT_EQ(held(id, 1), 2);
    expect_clean_audit();
    // Cancelling again gives back the 2 it took, not the 4 it ordered.
    orders().set_status(id, kCancelled, "cli", kNow);
    EXPECT_EQ(stock(1), 2);
    EXPECT_EQ(get(id).lines.at(0).oversold, 0);
}

TEST_F(StockLedgerTest, ReviveTakesNothingForAVariantDeletedMeanwhile) {
    auto id = add(bl_order(5001, {line(1, 0, 2), line(3, red_, 1)})).order_id;
    orders().set_status(id, kCancelled, "cli", kNow);
    store::ImportBatch without_red = small_shop();
    auto koszulka = without_red.products[2];
    koszulka.variants.erase(koszulka.variants.begin());
    without_red.products = {koszulka};
    must(store_->catalog().import(without_red, nullptr, nullptr));
    auto revive = orders().set_status(id, kNew, "cli", kNow);
    EXPECT_EQ(revive.units, 2);
    EXPECT_EQ(get(id).history.back().note,
              "stock taken again: 2 units; 1 line took nothing: product deleted");
    EXPECT_EQ(stock(1), 8);
    EXPECT_EQ(get(id).lines.at(1).stock_taken, 0);
    EXPECT_EQ(get(id).lines.at(1).oversold, 0);
    expect_clean_audit();
}

TEST_F(StockLedgerTest, ReplacementRecordsTheNetMove) {
    auto id = add(bl_order(5001, {line(1, 0, 2)})).order_id;
    add(bl_order(5001, {line(1, 0, 5)}), id);
    EXPECT_EQ(stock(1), 5);
    add(bl_order(5001, {line(3, red_, 1)}), id);  // product 1 dropped: its 5 units go back
    EXPECT_EQ(stock(1), 10);
    EXPECT_EQ(stock(3, red_), 2);
    auto moves = get(id).stock_moves;
    ASSERT_EQ(moves.size(), 4u);
    EXPECT_EQ(moves[1].reason, "replaced");
    EXPECT_EQ(moves[1].delta, -3);
    EXPECT_EQ(moves[1].line_position, 0);
    EXPECT_EQ(moves[2].product_id, 1);
    EXPECT_EQ(moves[2].delta, 5);
    EXPECT_FALSE(moves[2].line_position.has_value());  // no line of the order has product 1
    EXPECT_EQ(moves[3].variant_id, red_);
    EXPECT_EQ(moves[3].delta, -1);
    EXPECT_EQ(held(id, 1), 0);
    EXPECT_EQ(held(id, 3, red_), 1);
    expect_clean_audit();
}

TEST_F(StockLedgerTest, ReplacementOfACancelledOrderIsTakenWhenRevived) {
    auto id = add(bl_order(5001, {line(1, 0, 2)})).order_id;
    orders().set_status(id, kCancelled, "cli", kNow);
    add(bl_order(5001, {line(1, 0, 4)}), id);
    EXPECT_EQ(stock(1), 10);  // a cancelled order takes nothing
    orders().set_status(id, kNew, "cli", kNow);
    EXPECT_EQ(stock(1), 6);  // the new version's 4 units
    orders().set_status(id, kCancelled, "cli", kNow);
    EXPECT_EQ(stock(1), 10);
    expect_clean_audit();
}

TEST_F(StockLedgerTest, ReplacementLeavingTheCancelledStatusTakesTheStockAgain) {
    auto id = add(bl_order(5001, {line(1, 0, 2)})).order_id;
    orders().set_status(id, kCancelled, "cli", kNow);
    auto order = bl_order(5001, {line(1, 0, 3)});
    order.status_id = kInProgress;
    auto replaced = add(order, id);
    EXPECT_EQ(stock(1), 7);
    EXPECT_EQ(replaced.lines.at(0).stock_taken, 3);
    EXPECT_EQ(held(id, 1), 3);
    expect_clean_audit();
}

// A replacement into a cancelled status of an order that holds nothing (all oversold): what the
// add reports matches the lines, which hold and lack nothing.
TEST_F(StockLedgerTest, ReplacementIntoACancelledStatusReportsNothingHeldOrLacking) {
    add(bl_order(5001, {line(1, 0, 10)}));
    auto id = add(bl_order(5002, {line(1, 0, 2)})).order_id;
    ASSERT_EQ(get(id).lines.at(0).oversold, 2);
    auto order = bl_order(5002, {line(1, 0, 2)});
    order.status_id = kCancelled;
    auto replaced = add(order, id);
    EXPECT_EQ(replaced.lines.at(0).stock_taken, 0);
    EXPECT_EQ(replaced.lines.at(0).oversold, 0);
    EXPECT_EQ(get(id).lines.at(0).oversold, 0);
    EXPECT_EQ(stock(1), 0);
    expect_clean_audit();
}

// Staff on several connections toggling the same orders: every transition moves stock once, so
// the stock ends as the ledger says whatever the interleaving; stock never goes below 0.
TEST_F(StockLedgerTest, ConcurrentTogglesEndWithStockAsTheLedgerSays) {
    auto a = add(bl_order(5001, {line(1, 0, 7), line(3, red_, 2)})).order_id;
    auto b = add(bl_order(5002, {line(1, 0, 7), line(3, red_, 2)})).order_id;  // oversold 4, 1
    constexpr int kThreads = 8, kToggles = 12;
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kToggles; ++i) {
                const store::Id order = (t + i) % 2 == 0 ? a : b;
                const store::Id status = (t + i / 2) % 2 == 0 ? kCancelled : kNew + t % 2;
                try {
                    orders().set_status(order, status, "thread" + std::to_string(t), kNow + i);
                } catch (const std::exception&) {
                    ++errors;
                }
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(errors, 0);
    EXPECT_GE(stock(1), 0);
    EXPECT_GE(stock(3, red_), 0);
    EXPECT_EQ(stock(1), 10 - held(a, 1) - held(b, 1));
    EXPECT_EQ(stock(3, red_), 3 - held(a, 3, red_) - held(b, 3, red_));
    for (auto id : {a, b}) {
        const bool cancelled = get(id).status_id == kCancelled;
        EXPECT_EQ(get(id).stock_returned, cancelled);
        if (cancelled) {
            EXPECT_EQ(held(id, 1), 0);
        }
    }
    expect_clean_audit();
}

TEST_F(StockLedgerTest, AuditCountsOrdersAndEntries) {
    add(bl_order(5001, {line(1, 0, 1)}));
    add(bl_order(5002, {line(std::nullopt, 0, 1)}));
    auto audit = orders().stock_audit();
    EXPECT_EQ(audit.orders, 2);
    EXPECT_EQ(audit.entries, 1);
    EXPECT_TRUE(audit.differences.empty());
}

// A database from before the ledger: the migration records what each order holds now.
TEST_F(StockLedgerTest, UpgradeBackfillsTheLedgerSoTheAuditIsClean) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: rewinds the SQLite file";
    auto holding = add(bl_order(5001, {line(1, 0, 3), line(3, red_, 1)})).order_id;
    auto cancelled = add(bl_order(5002, {line(1, 0, 2)})).order_id;
    orders().set_status(cancelled, kCancelled, "cli", kNow);
    store_.reset();
    // As blconnect before migration 007 left it: no ledger, a cancelled order's lines keep
    // what they took.
    rewind_sqlite(db_.path(), 6);  // 007 onwards are applied again
    exec_sqlite(db_.path(), "UPDATE order_lines SET stock_taken = 2 WHERE order_id = 2;");
    store_ = db_.init();
    expect_clean_audit();
    auto moves = get(holding).stock_moves;
    ASSERT_EQ(moves.size(), 2u);
    EXPECT_EQ(moves[0].reason, "migrated");
    EXPECT_EQ(moves[0].delta, -3);
    EXPECT_TRUE(get(holding).takes_stock);
    EXPECT_TRUE(get(cancelled).stock_moves.empty());
    // Revived, the cancelled one takes its stock again.
    ASSERT_EQ(stock(1), 7);
    orders().set_status(cancelled, kNew, "cli", kNow);
    EXPECT_EQ(stock(1), 5);
    expect_clean_audit();
}

}  // namespace
