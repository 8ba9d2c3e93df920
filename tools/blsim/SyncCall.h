#pragma once
// One protocol call for the sync cycle: an answer that is not a 200 JSON success is an error
// that stops the phase (BaseLinker would stop its cycle the same way and retry later).
#include <boost/json/value.hpp>
#include <stdexcept>
#include <string>

#include "blsim/Client.h"

namespace blsim {

struct SyncError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws SyncError naming the action on a transport error, non-200, non-JSON or error envelope.
boost::json::value call_json(Client& client, const std::string& action, const Fields& fields = {});

// The "pages" field of a paged answer; 0 for `[]` (a page past the end or an empty set).
std::int64_t pages_of(const boost::json::value& answer);

}  // namespace blsim
