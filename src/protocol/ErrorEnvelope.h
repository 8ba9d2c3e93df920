#pragma once
// The connector's edge of the error vocabulary: a core::Status becomes the envelope of
// docs/protocol.md §1.4, {"error":true,"error_code":"…","error_text":"…"}, with the HTTP status
// the protocol gives it. The one place that knows the wire's error codes.
#include <string>
#include <string_view>

#include "core/Status.h"

namespace protocol {

struct WireError {
    int http_status;        // BaseLinker reads the envelope, not the status: mostly 200
    std::string_view code;  // error_code, exactly as docs/protocol.md lists it
};

WireError wire_error(core::Code code);

// The exact error envelope for a code and a text.
std::string error_envelope(std::string_view code, std::string_view text);
// The envelope of a failed Status: error_text is Status::text() ("field: message"). Internal
// failures must be replaced by a text that quotes the request id before they get here.
std::string error_envelope(const core::Status& status);

}  // namespace protocol
