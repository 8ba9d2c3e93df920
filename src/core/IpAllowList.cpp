// Allow-list matching over the 128-bit form of both address families.
#include "core/IpAllowList.h"

#include <arpa/inet.h>

#include <algorithm>
#include <stdexcept>

#include "core/Decimal.h"
#include "core/Text.h"

namespace core {
namespace {

constexpr int kMappedPrefixBits = 96;  // ::ffff:0:0/96 holds the IPv4 addresses

std::optional<IpBytes> parse_ipv4(const std::string& text) {
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) != 1) return std::nullopt;
    IpBytes bytes{};
    bytes[10] = bytes[11] = 0xff;
    std::copy_n(reinterpret_cast<const std::uint8_t*>(&v4), 4, bytes.begin() + 12);
    return bytes;
}

bool same_prefix(const IpBytes& a, const IpBytes& b, int bits) {
    for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((a[i] & mask) != (b[i] & mask)) return false;
    }
    return true;
}

bool is_ipv4_mapped(const IpBytes& bytes) {
    static const IpBytes kMapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0};
    return same_prefix(bytes, kMapped, kMappedPrefixBits);
}

}  // namespace

std::optional<IpBytes> parse_ip(std::string_view text) {
    std::string address(core::trim(text));
    // Transports may report IPv6 peers in brackets or with a zone ("fe80::1%eth0").
    if (address.size() > 2 && address.front() == '[' && address.back() == ']') {
        address = address.substr(1, address.size() - 2);
    }
    if (auto zone = address.find('%'); zone != std::string::npos) address.resize(zone);
    if (auto v4 = parse_ipv4(address)) return v4;
    IpBytes bytes{};
    if (inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1) return std::nullopt;
    return bytes;
}

IpAllowList::IpAllowList(const std::vector<std::string>& entries, std::string_view setting) {
    for (const auto& entry : entries) {
        const auto slash = entry.find('/');
        auto address = parse_ip(std::string_view(entry).substr(0, slash));
        if (!address)
            throw std::runtime_error(std::string(setting) +
                                     ": not an IP address or CIDR: " + entry);
        const int max_bits = is_ipv4_mapped(*address) ? 32 : 128;
        int bits = max_bits;
        if (slash != std::string::npos) {
            auto parsed = core::parse_int(core::trim(std::string_view(entry).substr(slash + 1)));
            if (!parsed || *parsed < 0 || *parsed > max_bits) {
                throw std::runtime_error(std::string(setting) + ": bad prefix length in " + entry);
            }
            bits = static_cast<int>(*parsed);
        }
        ranges_.push_back({*address, bits + (max_bits == 32 ? kMappedPrefixBits : 0)});
    }
}

bool IpAllowList::allows(std::string_view client_ip) const {
    if (ranges_.empty()) return true;
    const auto client = parse_ip(client_ip);
    if (!client) return false;
    return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& range) {
        return same_prefix(*client, range.network, range.prefix_bits);
    });
}

}  // namespace core
