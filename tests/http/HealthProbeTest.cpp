// /healthz tells the truth (app/HealthProbe.h): a database that answers reads but refuses writes
// (a full disk, a read-only file) is 503, recovery shows at the next check, and the heartbeat write
// happens at most once per interval however often a load balancer polls.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "app/HealthProbe.h"
#include "store/engine/EngineStore.h"
#include "store/engine/Faults.h"
#include "support/TempDb.h"

namespace {

using store::engine::Faults;

class HealthProbeTest : public testing::Test {
  protected:
    void SetUp() override { port().inject(faults_); }
    void TearDown() override { port().inject(nullptr); }
    store::engine::Port& port() {
        return dynamic_cast<store::engine::EngineStore&>(*store_).port();
    }
    boost::json::value check(std::int64_t now, int expected_status) {
        auto reply = probe_.response(now);
        EXPECT_EQ(reply.status, expected_status) << reply.body;
        return boost::json::parse(reply.body);
    }

    testing_support::TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    std::shared_ptr<Faults> faults_ = std::make_shared<Faults>();
    const bool postgres_ = testing_support::TempDb::postgres();
    app::HealthProbe probe_{*store_, postgres_ ? "" : db_.path(), 10};
};

TEST_F(HealthProbeTest, AHealthyDatabaseIsOkWithItsFreeDiskSpace) {
    auto body = check(1000, 200);
    EXPECT_EQ(body.at("status"), "ok");
    EXPECT_EQ(body.at("database"), "ok");
    EXPECT_EQ(body.at("writes"), "ok");
    if (postgres_) {
        EXPECT_TRUE(body.at("disk_free_bytes").is_null());  // the server's disk, not ours
    } else {
        EXPECT_GT(body.at("disk_free_bytes").as_int64(), 0);
    }
}

TEST_F(HealthProbeTest, RefusedWritesAre503UntilTheyWorkAgain) {
    check(1000, 200);
    faults_->fail_statement("UPDATE heartbeat", Faults::Kind::Error, 2);
    auto body = check(1010, 503);  // the interval has passed: the write is tried, and fails
    EXPECT_EQ(body.at("status"), "error");
    EXPECT_EQ(body.at("database"), "ok");
    EXPECT_EQ(body.at("writes"), "failing");
    check(1011, 503);  // failing: tried again at once, fails again
    check(1012, 200);  // the fault is gone: recovered without waiting for the interval
    EXPECT_EQ(faults_->fired(), 2);
}

TEST_F(HealthProbeTest, TheHeartbeatIsWrittenAtMostOncePerInterval) {
    check(1000, 200);
    faults_->fail_statement("UPDATE heartbeat", Faults::Kind::Error, 1);
    for (std::int64_t now = 1001; now < 1010; ++now) check(now, 200);  // not tried
    EXPECT_EQ(faults_->fired(), 0);
    check(1010, 503);
    EXPECT_EQ(faults_->fired(), 1);
}

}  // namespace
