#pragma once
// Who the client of a request is. Directly connected, it is the peer. Behind a reverse proxy
// listed in `[server] trusted_proxies`, it is the right-most X-Forwarded-For address that is not
// itself a trusted proxy: every trusted hop appends the address it saw, so that entry is the
// first one a trusted machine vouches for. A header from any other peer is ignored (anybody can
// send one). No Beast here; Connection.cpp calls it once per request.
#include <string>
#include <utility>
#include <vector>

#include "core/IpAllowList.h"

namespace http {

class ClientAddress {
  public:
    // Throws std::runtime_error naming the first entry that is not an address or a CIDR.
    explicit ClientAddress(const std::vector<std::string>& trusted_proxies);
    // `headers` have lower-case names (core::WebRequest::headers).
    std::string resolve(const std::string& peer,
                        const std::vector<std::pair<std::string, std::string>>& headers) const;

  private:
    core::IpAllowList trusted_;
};

}  // namespace http
