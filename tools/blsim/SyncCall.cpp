#include "blsim/SyncCall.h"

#include "blsim/Json.h"

namespace blsim {

namespace {

std::string excerpt(const std::string& body) {
    constexpr std::size_t kMax = 200;
    return body.size() <= kMax ? body : body.substr(0, kMax) + "...";
}

}  // namespace

boost::json::value call_json(Client& client, const std::string& action, const Fields& fields) {
    const Reply reply = client.call(action, fields);
    if (!reply.error.empty()) throw SyncError(action + ": " + reply.error);
    if (reply.status != 200)
        throw SyncError(action + ": HTTP " + std::to_string(reply.status) + " " +
                        excerpt(reply.body));
    auto json = parse_json(reply.body);
    if (!json) throw SyncError(action + ": answer is not JSON: " + excerpt(reply.body));
    if (is_error_envelope(*json)) throw SyncError(action + ": " + excerpt(reply.body));
    return std::move(*json);
}

std::int64_t pages_of(const boost::json::value& answer) {
    if (!answer.is_object()) return 0;
    const auto* pages = answer.get_object().if_contains("pages");
    if (!pages) return 0;
    return as_int(*pages).value_or(0);
}

}  // namespace blsim
