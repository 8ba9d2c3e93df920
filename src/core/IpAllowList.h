#pragma once
// A set of client addresses (the connector's allow_ips, the server's trusted_proxies): single
// addresses and CIDR ranges, IPv4 and IPv6. IPv4-mapped IPv6 clients ("::ffff:10.0.0.7") match IPv4
// entries.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// An address as 16 bytes; IPv4 is stored in its IPv4-mapped IPv6 form.
using IpBytes = std::array<std::uint8_t, 16>;

std::optional<IpBytes> parse_ip(std::string_view text);

class IpAllowList {
  public:
    // Throws std::runtime_error naming `setting` and the first entry that is not an address or
    // a CIDR.
    explicit IpAllowList(const std::vector<std::string>& entries,
                         std::string_view setting = "allow_ips");
    // An empty list allows everybody.
    bool allows(std::string_view client_ip) const;
    // Whether an entry names this address (an empty list names nobody).
    bool lists(std::string_view client_ip) const { return !empty() && allows(client_ip); }
    bool empty() const { return ranges_.empty(); }

  private:
    struct Range {
        IpBytes network;
        int prefix_bits;  // over the 128-bit form
    };
    std::vector<Range> ranges_;
};

}  // namespace core
