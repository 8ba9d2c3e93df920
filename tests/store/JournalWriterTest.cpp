// The journal writer never drops an entry because the database refused it (journal/Writer.h):
// a failing batch is kept and written again once the database accepts writes, on both
// backends; memory stays bounded by back-pressure, and only an entry that finds no room after
// waiting is counted lost.
#include <gtest/gtest.h>

#include <memory>

#include "journal/Writer.h"
#include "store/engine/EngineStore.h"
#include "store/engine/Faults.h"
#include "support/TempDb.h"

namespace {

using store::engine::Faults;

store::JournalEntry entry(int n) {
    store::JournalEntry e;
    e.at_ms = 1'760'000'000'000 + n;
    e.request_id = "req" + std::to_string(n);
    e.client = "127.0.0.1";
    e.action = "OrderAdd";
    e.outcome = "ok";
    return e;
}

class JournalWriterTest : public testing::Test {
  protected:
    void SetUp() override { port().inject(faults_); }
    void TearDown() override { port().inject(nullptr); }
    store::engine::Port& port() {
        return dynamic_cast<store::engine::EngineStore&>(*store_).port();
    }
    std::size_t stored() {
        store::JournalQuery q;
        q.limit = 1000;
        return store_->journal().query(q).size();
    }
    static journal::WriterLimits fast() {
        journal::WriterLimits limits;
        limits.first_retry = std::chrono::milliseconds(5);
        limits.last_retry = std::chrono::milliseconds(20);
        return limits;
    }

    testing_support::TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    std::shared_ptr<Faults> faults_ = std::make_shared<Faults>();
};

TEST_F(JournalWriterTest, EntriesTheDatabaseRefusedAreWrittenWhenItAcceptsThemAgain) {
    journal::Writer writer(store_->journal(), 30, fast());
    faults_->fail_statement("INSERT INTO journal", Faults::Kind::Error, 4);
    for (int i = 0; i < 20; ++i) writer.record(entry(i));
    writer.flush();
    EXPECT_EQ(faults_->fired(), 4);
    EXPECT_EQ(stored(), 20u);
    EXPECT_EQ(writer.lost(), 0u);
}

TEST_F(JournalWriterTest, AFullQueueWaitsThenCountsWhatFindsNoRoom) {
    auto limits = fast();
    limits.max_queued = 3;
    limits.record_wait = std::chrono::milliseconds(300);
    limits.stop_grace = std::chrono::milliseconds(0);
    {
        journal::Writer writer(store_->journal(), 30, limits);
        faults_->fail_statement("INSERT INTO journal", Faults::Kind::Error, 1'000'000);
        for (int i = 0; i < 12; ++i) writer.record(entry(i));
        // The writer holds one failing batch (at most the 3 queued when it woke), the queue 3
        // more; every other entry found no room within record_wait and is counted lost.
        EXPECT_GE(writer.lost(), 6u);
        EXPECT_LE(writer.lost(), 9u);
    }
    EXPECT_EQ(stored(), 0u);  // and nothing half-written
}

}  // namespace
