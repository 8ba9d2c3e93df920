// The request journal table: append, newest-first filtered reads, pruning.
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
    e.duration_us = 1200;
    e.http_status = 200;
    e.outcome = std::move(outcome);
    e.response_bytes = 321;
    e.detail = R"({"skipped":[{"entry":1,"reason":"unknown product 12"}]})";
    return e;
}

class JournalTest : public testing::Test {
  protected:
    void SetUp() override {
        std::vector<store::JournalEntry> batch{
            entry(1000, "ProductsList"), entry(2000, "OrdersGet"),
            entry(3000, "ProductsList", "invalid_parameter"), entry(4000, "FileVersion")};
        journal().append(batch);
    }
    store::Journal& journal() { return store_->journal(); }
    std::vector<std::int64_t> times(const store::JournalQuery& q) {
        std::vector<std::int64_t> out;
        for (auto& e : journal().query(q)) out.push_back(e.at_ms);
        return out;
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    using Times = std::vector<std::int64_t>;
};

}  // namespace

TEST_F(JournalTest, StoresEveryFieldAndReadsNewestFirst) {
    auto all = journal().query({});
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].action, "FileVersion");
    const auto& e = all[3];
    EXPECT_GT(e.id, 0);
    EXPECT_EQ(e.at_ms, 1000);
    EXPECT_EQ(e.request_id, "req-1000");
    EXPECT_EQ(e.client, "203.0.113.7");
    EXPECT_EQ(e.duration_us, 1200);
    EXPECT_EQ(e.http_status, 200);
    EXPECT_EQ(e.outcome, "ok");
    EXPECT_EQ(e.response_bytes, 321);
    EXPECT_EQ(e.detail, R"({"skipped":[{"entry":1,"reason":"unknown product 12"}]})");
}

TEST_F(JournalTest, Filters) {
    store::JournalQuery q;
    q.action = "ProductsList";
    EXPECT_EQ(times(q), (Times{3000, 1000}));
    q = {};
    q.errors_only = true;
    EXPECT_EQ(times(q), (Times{3000}));
    q = {};
    q.from_ms = 2000;
    q.to_ms = 3000;
    EXPECT_EQ(times(q), (Times{3000, 2000}));
    q = {};
    q.action = "' OR 1=1 --";
    EXPECT_TRUE(times(q).empty());
}

TEST_F(JournalTest, LimitAndCursorPage) {
    store::JournalQuery q;
    q.limit = 3;
    auto first = journal().query(q);
    ASSERT_EQ(first.size(), 3u);
    q.before_id = first.back().id;
    auto second = journal().query(q);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].at_ms, 1000);
}

TEST_F(JournalTest, PruneDeletesOlderEntriesOnly) {
    EXPECT_EQ(journal().prune_before(3000), 2);
    EXPECT_EQ(times({}), (Times{4000, 3000}));
    EXPECT_EQ(journal().prune_before(3000), 0);
    std::vector<store::JournalEntry> later{entry(5000, "OrderAdd")};
    journal().append(later);
    auto all = journal().query({});
    EXPECT_GT(all[0].id, all[1].id);  // ids keep growing after a prune
}
