// The journal's admin reads: one entry by id, the outcome filter, the last success per action.
#include <gtest/gtest.h>

#include "store/Store.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

store::JournalEntry entry(std::int64_t at_ms, std::string action, std::string outcome = "ok") {
    store::JournalEntry e;
    e.at_ms = at_ms;
    e.request_id = "req-" + std::to_string(at_ms);
    e.client = "203.0.113.7";
    e.action = std::move(action);
    e.duration_us = 900;
    e.http_status = 200;
    e.outcome = std::move(outcome);
    e.response_bytes = 77;
    e.detail = R"({"note":"x"})";
    return e;
}

class JournalQuery : public testing::Test {
  protected:
    void SetUp() override {
        std::vector<store::JournalEntry> batch{
            entry(1000, "OrdersGet"),
            entry(2000, "ProductsList"),
            entry(3000, "OrdersGet", "invalid_parameter"),
            entry(4000, "ProductsQuantityUpdate", "internal_error"),
            entry(5000, "ProductsList", "invalid_parameter"),
            entry(6000, "OrdersGet", "ok")};
        journal().append(batch);
    }
    store::Journal& journal() { return store_->journal(); }
    std::vector<std::int64_t> times(const store::JournalQuery& q) {
        std::vector<std::int64_t> out;
        for (auto& e : journal().query(q)) out.push_back(e.at_ms);
        return out;
    }
    using Times = std::vector<std::int64_t>;

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

}  // namespace

TEST_F(JournalQuery, OutcomeFilterIsExact) {
    store::JournalQuery q;
    q.outcome = "invalid_parameter";
    EXPECT_EQ(times(q), (Times{5000, 3000}));
    q.action = "OrdersGet";
    EXPECT_EQ(times(q), (Times{3000}));
    q.action.reset();
    q.outcome = "ok";
    EXPECT_EQ(times(q), (Times{6000, 2000, 1000}));
    q.outcome = "invalid";
    EXPECT_TRUE(times(q).empty());
    q.outcome = "' OR 1=1 --";
    EXPECT_TRUE(times(q).empty());
    q.outcome = "%";
    EXPECT_TRUE(times(q).empty());
}

TEST_F(JournalQuery, OutcomeFilterCombinesWithTimeAndCursor) {
    store::JournalQuery q;
    q.outcome = "ok";
    q.from_ms = 1500;
    EXPECT_EQ(times(q), (Times{6000, 2000}));
    q.limit = 1;
    auto first = journal().query(q);
    ASSERT_EQ(first.size(), 1u);
    q.before_id = first[0].id;
    EXPECT_EQ(times(q), (Times{2000}));
}

TEST_F(JournalQuery, EntryByIdHasEveryField) {
    auto newest = journal().query({}).at(0);
    auto e = journal().entry(newest.id);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->id, newest.id);
    EXPECT_EQ(e->at_ms, 6000);
    EXPECT_EQ(e->request_id, "req-6000");
    EXPECT_EQ(e->client, "203.0.113.7");
    EXPECT_EQ(e->action, "OrdersGet");
    EXPECT_EQ(e->duration_us, 900);
    EXPECT_EQ(e->http_status, 200);
    EXPECT_EQ(e->outcome, "ok");
    EXPECT_EQ(e->response_bytes, 77);
    EXPECT_EQ(e->detail, R"({"note":"x"})");
}

TEST_F(JournalQuery, UnknownOrPrunedEntryIsEmpty) {
    auto oldest = journal().query({}).back();
    EXPECT_FALSE(journal().entry(oldest.id + 1000));
    EXPECT_FALSE(journal().entry(0));
    journal().prune_before(1500);
    EXPECT_FALSE(journal().entry(oldest.id));
}

TEST_F(JournalQuery, LastSuccessAndRecentCallsPerAction) {
    auto rows = journal().last_ok_by_action(2500);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].action, "OrdersGet");
    EXPECT_EQ(rows[0].at_ms, 6000);
    EXPECT_EQ(rows[0].calls_24h, 2);  // 3000 and 6000
    EXPECT_EQ(rows[1].action, "ProductsList");
    EXPECT_EQ(rows[1].at_ms, 2000);  // the newer entry failed
    EXPECT_EQ(rows[1].calls_24h, 1);
    EXPECT_EQ(rows[2].action, "ProductsQuantityUpdate");
    EXPECT_EQ(rows[2].at_ms, 0);  // never succeeded
    EXPECT_EQ(rows[2].calls_24h, 1);
}

TEST_F(JournalQuery, ActionsWithoutRecentCallsAreStillListed) {
    auto rows = journal().last_ok_by_action(10'000);
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& r : rows) EXPECT_EQ(r.calls_24h, 0) << r.action;
    EXPECT_EQ(rows[0].at_ms, 6000);
}

TEST_F(JournalQuery, EmptyJournalHasNoActions) {
    journal().prune_before(100'000);
    EXPECT_TRUE(journal().last_ok_by_action(0).empty());
}
