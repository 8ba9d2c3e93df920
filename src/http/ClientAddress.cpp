// X-Forwarded-For read from the right, only through trusted proxies.
#include "http/ClientAddress.h"

#include "core/Text.h"

namespace http {
namespace {

// Every X-Forwarded-For value, in the order received, split at commas.
std::vector<std::string> forwarded_chain(
    const std::vector<std::pair<std::string, std::string>>& headers) {
    std::vector<std::string> chain;
    for (const auto& [name, value] : headers) {
        if (name != "x-forwarded-for") continue;
        for (auto entry : core::split_list(value)) chain.emplace_back(entry);
    }
    return chain;
}

}  // namespace

ClientAddress::ClientAddress(const std::vector<std::string>& trusted_proxies)
    : trusted_(trusted_proxies, "trusted_proxies") {}

std::string ClientAddress::resolve(
    const std::string& peer,
    const std::vector<std::pair<std::string, std::string>>& headers) const {
    if (!trusted_.lists(peer)) return peer;
    std::string client = peer;  // the last hop a trusted machine vouches for
    const auto chain = forwarded_chain(headers);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        // Garbage in the header stops the walk: the hop that passed it on is the client.
        if (!core::parse_ip(*it)) break;
        client = *it;
        if (!trusted_.lists(client)) break;
    }
    return client;
}

}  // namespace http
