// [server] trusted_proxies: X-Forwarded-For is believed only from a trusted peer, read from the
// right, past every trusted hop; anybody else's header changes nothing.
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/ClientAddress.h"

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

TEST(ClientAddress, WithoutTrustedProxiesThePeerIsTheClient) {
    http::ClientAddress address({});
    EXPECT_EQ(address.resolve("10.0.0.5", {{"x-forwarded-for", "185.36.169.1"}}), "10.0.0.5");
}

TEST(ClientAddress, ASpoofedHeaderFromAnUntrustedPeerIsIgnored) {
    http::ClientAddress address({"10.0.0.0/24"});
    EXPECT_EQ(address.resolve("203.0.113.9", {{"x-forwarded-for", "185.36.169.1"}}), "203.0.113.9");
}

TEST(ClientAddress, BehindATrustedProxyTheForwardedAddressIsTheClient) {
    http::ClientAddress address({"10.0.0.0/24", "::1"});
    EXPECT_EQ(address.resolve("10.0.0.5", {{"x-forwarded-for", "185.36.169.1"}}), "185.36.169.1");
    EXPECT_EQ(address.resolve("::1", {{"x-forwarded-for", "2001:db8::7"}}), "2001:db8::7");
    EXPECT_EQ(address.resolve("10.0.0.5", {}), "10.0.0.5");  // no header: the proxy itself
}

TEST(ClientAddress, TheRightMostUntrustedEntryWinsSoAClientCannotPickItsAddress) {
    http::ClientAddress address({"10.0.0.0/24"});
    // The client sent "X-Forwarded-For: 1.2.3.4" itself; the proxy appended what it saw.
    EXPECT_EQ(address.resolve("10.0.0.5", {{"x-forwarded-for", "1.2.3.4, 198.51.100.7"}}),
              "198.51.100.7");
    // Two trusted hops in a row, and the header split over two lines.
    EXPECT_EQ(address.resolve("10.0.0.5", {{"x-forwarded-for", "1.2.3.4, 198.51.100.7"},
                                           {"x-forwarded-for", "10.0.0.9"}}),
              "198.51.100.7");
}

TEST(ClientAddress, GarbageStopsAtTheLastTrustedHop) {
    http::ClientAddress address({"10.0.0.0/24"});
    EXPECT_EQ(address.resolve("10.0.0.5", {{"x-forwarded-for", "not-an-ip, 10.0.0.9"}}),
              "10.0.0.9");
}

TEST(ClientAddress, ABadEntryIsRefusedNamingTheSetting) {
    try {
        http::ClientAddress address({"10.0.0.0/99"});
        FAIL() << "accepted a bad prefix";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("trusted_proxies"), std::string::npos);
    }
}

}  // namespace
