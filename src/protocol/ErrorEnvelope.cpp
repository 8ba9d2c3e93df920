#include "protocol/ErrorEnvelope.h"

#include "wire/JsonWriter.h"

namespace protocol {

WireError wire_error(core::Code code) {
    using core::Code;
    switch (code) {
        case Code::Ok:  // not an error: a caller bug, answered as one
        case Code::Internal:
            return {200, "internal_error"};
        case Code::InvalidField:
        case Code::Malformed:
        // A connector request cannot take a key another record holds; should a rule ever say
        // so, it is still the request's field that has to change.
        case Code::Conflict:
            return {200, "invalid_parameter"};
        // The only thing a connector request names that the shop may refuse outright is a
        // catalogue product (OrderAdd under unknown_products = "reject"); unknown orders and
        // statuses in OrderUpdate are results per order, not errors.
        case Code::NotFound:
            return {200, "unknown_product"};
        case Code::Unauthenticated:
            return {200, "incorrect_password"};
        case Code::Unsupported:
            return {200, "unsupported_action"};
        case Code::Forbidden:
            return {403, "forbidden"};
        case Code::RateLimited:
            return {429, "rate_limited"};
        case Code::TooLarge:
            return {413, "request_too_large"};
        case Code::Unavailable:
            return {503, "internal_error"};
        // A stock or price batch the mass-change guard held: BaseLinker shows the text to the
        // seller and sends the batch again on its next sync (counted, not held twice).
        case Code::Held:
            return {200, "mass_change_held"};
    }
    return {200, "internal_error"};
}

std::string error_envelope(std::string_view code, std::string_view text) {
    std::string body;
    wire::JsonWriter out(body);
    out.begin_object();
    out.key("error").boolean(true);
    out.key("error_code").string(code);
    out.key("error_text").string(text);
    out.end_object();
    return body;
}

std::string error_envelope(const core::Status& status) {
    return error_envelope(wire_error(status.code()).code, status.text());
}

}  // namespace protocol
