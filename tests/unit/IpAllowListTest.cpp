// IpAllowList and Throttle as units: address families, CIDR edges, the sliding window.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/IpAllowList.h"
#include "core/Throttle.h"

namespace {

using core::IpAllowList;
using core::Throttle;

TEST(ConnectorIpAllowList, EmptyAllowsEverybody) {
    IpAllowList list({});
    EXPECT_TRUE(list.allows("203.0.113.9"));
    EXPECT_TRUE(list.allows("2001:db8::1"));
}

TEST(ConnectorIpAllowList, Ipv4AddressesAndCidrs) {
    IpAllowList list({"10.0.0.0/8", "192.168.1.7", "172.16.0.0/12"});
    EXPECT_TRUE(list.allows("10.255.255.255"));
    EXPECT_TRUE(list.allows("192.168.1.7"));
    EXPECT_FALSE(list.allows("192.168.1.8"));
    EXPECT_TRUE(list.allows("172.31.0.1"));
    EXPECT_FALSE(list.allows("172.32.0.1"));
    EXPECT_FALSE(list.allows("11.0.0.1"));
    EXPECT_TRUE(list.allows("::ffff:10.1.2.3"));  // IPv4-mapped peer of a dual-stack socket
    EXPECT_FALSE(list.allows("not an address"));
    EXPECT_FALSE(list.allows(""));
}

TEST(ConnectorIpAllowList, Ipv6AddressesAndCidrs) {
    IpAllowList list({"2001:db8:abcd::/48", "::1", "fe80::/10"});
    EXPECT_TRUE(list.allows("2001:db8:abcd:12::1"));
    EXPECT_FALSE(list.allows("2001:db8:abce::1"));
    EXPECT_TRUE(list.allows("::1"));
    EXPECT_TRUE(list.allows("[::1]"));
    EXPECT_TRUE(list.allows("fe80::1%eth0"));
    EXPECT_FALSE(list.allows("127.0.0.1"));
}

TEST(ConnectorIpAllowList, ZeroPrefixAllowsTheWholeFamily) {
    IpAllowList v4({"0.0.0.0/0"});
    EXPECT_TRUE(v4.allows("8.8.8.8"));
    EXPECT_FALSE(v4.allows("2001:db8::1"));
    IpAllowList odd({"10.0.0.128/25"});
    EXPECT_TRUE(odd.allows("10.0.0.200"));
    EXPECT_FALSE(odd.allows("10.0.0.127"));
}

TEST(ConnectorIpAllowList, BadEntriesAreRejectedWithTheEntryNamed) {
    for (const char* bad :
         {"10.0.0.0/33", "2001:db8::/129", "example.com", "10.0.0/8", "1.2.3.4/x", "::/-1"}) {
        try {
            IpAllowList list({bad});
            ADD_FAILURE() << bad;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
        }
    }
}

TEST(ConnectorThrottle, BlocksAfterFailuresWithinTheWindow) {
    Throttle throttle(3, std::chrono::seconds(60));
    const auto t0 = Throttle::Clock::time_point{} + std::chrono::hours(1);
    for (int i = 0; i < 2; ++i) throttle.record_failure("a", t0 + std::chrono::seconds(i));
    EXPECT_FALSE(throttle.blocked("a", t0 + std::chrono::seconds(2)));
    throttle.record_failure("a", t0 + std::chrono::seconds(2));
    EXPECT_TRUE(throttle.blocked("a", t0 + std::chrono::seconds(3)));
    EXPECT_FALSE(throttle.blocked("b", t0 + std::chrono::seconds(3)));
    // The first failure leaves the window at t0+60s: two remain, below the limit.
    EXPECT_TRUE(throttle.blocked("a", t0 + std::chrono::seconds(59)));
    EXPECT_FALSE(throttle.blocked("a", t0 + std::chrono::seconds(60)));
}

TEST(ConnectorThrottle, FailuresSpreadBeyondTheWindowNeverBlock) {
    Throttle throttle(3, std::chrono::seconds(60));
    auto t = Throttle::Clock::time_point{} + std::chrono::hours(1);
    for (int i = 0; i < 20; ++i, t += std::chrono::seconds(31)) {
        throttle.record_failure("a", t);
        EXPECT_FALSE(throttle.blocked("a", t)) << i;
    }
}

TEST(ConnectorThrottle, ZeroFailuresSwitchesItOff) {
    Throttle throttle(0, std::chrono::seconds(60));
    const auto t0 = Throttle::Clock::time_point{};
    for (int i = 0; i < 100; ++i) throttle.record_failure("a", t0);
    EXPECT_FALSE(throttle.blocked("a", t0));
}

}  // namespace
