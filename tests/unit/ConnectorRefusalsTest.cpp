// The connector's refusal counts over the last hour and the lockout since the last accepted call.
#include <gtest/gtest.h>

#include "core/ConnectorRefusals.h"

namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kT0 = 1'700'000'000'000;

TEST(ConnectorRefusals, CountsLastHourOnly) {
    core::ConnectorRefusals refusals;
    refusals.refused({false, false, "1.2.3.4", kT0, 0});
    refusals.refused({false, true, "1.2.3.4", kT0 + 30 * kMinute, 0});
    auto report = refusals.report(kT0 + 59 * kMinute);
    EXPECT_EQ(report.without_password_last_hour, 2);
    EXPECT_EQ(report.throttled_last_hour, 1);
    EXPECT_FALSE(report.locked_out);
    report = refusals.report(kT0 + 61 * kMinute);
    EXPECT_EQ(report.without_password_last_hour, 1);
}

TEST(ConnectorRefusals, ALockoutStartsAtTheFirstWrongPasswordAndEndsWithASuccess) {
    core::ConnectorRefusals refusals;
    refusals.refused({true, false, "185.36.169.1", kT0, kT0 - kMinute});
    refusals.refused({true, true, "185.36.169.2", kT0 + kMinute, kT0 - kMinute});
    auto report = refusals.report(kT0 + 2 * kMinute);
    ASSERT_TRUE(report.locked_out);
    EXPECT_EQ(report.since_ms, kT0);
    EXPECT_EQ(report.refused_count, 2);
    EXPECT_EQ(report.last_client, "185.36.169.2");
    EXPECT_TRUE(report.last_throttled);
    EXPECT_EQ(report.password_changed_at_ms, kT0 - kMinute);
    refusals.accepted(kT0 + 3 * kMinute);
    report = refusals.report(kT0 + 3 * kMinute);
    EXPECT_FALSE(report.locked_out);
    EXPECT_EQ(report.wrong_password_last_hour, 2);  // the counts stay
}

}  // namespace
