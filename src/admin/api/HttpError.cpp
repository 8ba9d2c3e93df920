#include "admin/api/HttpError.h"

namespace admin::api {

HttpError http_error(core::Code code) {
    using core::Code;
    switch (code) {
        case Code::InvalidField:
            return {422, "invalid_field"};
        case Code::Malformed:
            return {400, "invalid_json"};
        case Code::NotFound:
            return {404, "not_found"};
        case Code::Conflict:
            return {409, "conflict"};
        case Code::Unauthenticated:
            return {401, "unauthenticated"};
        // The admin API refuses a known caller only for a missing or wrong CSRF token.
        case Code::Forbidden:
            return {403, "csrf_failed"};
        case Code::TooLarge:
            return {413, "payload_too_large"};
        case Code::RateLimited:
            return {429, "rate_limited"};
        case Code::Unsupported:
            return {405, "method_not_allowed"};
        case Code::Unavailable:
            return {503, "unavailable"};
        // Nothing staff send is held today; should it ever be, it is a conflict with a rule.
        case Code::Held:
            return {409, "held"};
        case Code::Ok:  // not an error: a caller bug, answered as one
        case Code::Internal:
            return {500, "internal_error"};
    }
    return {500, "internal_error"};
}

}  // namespace admin::api
