#include "core/Status.h"

namespace core {

std::string_view code_name(Code code) {
    switch (code) {
        case Code::Ok:
            return "ok";
        case Code::InvalidField:
            return "invalid_field";
        case Code::Malformed:
            return "malformed";
        case Code::NotFound:
            return "not_found";
        case Code::Conflict:
            return "conflict";
        case Code::Unauthenticated:
            return "unauthenticated";
        case Code::Forbidden:
            return "forbidden";
        case Code::TooLarge:
            return "too_large";
        case Code::RateLimited:
            return "rate_limited";
        case Code::Unsupported:
            return "unsupported";
        case Code::Unavailable:
            return "unavailable";
        case Code::Held:
            return "held";
        case Code::Internal:
            return "internal";
    }
    return "internal";
}

Status Status::within(std::string_view outer) const {
    if (ok() || outer.empty()) return *this;
    std::string field(outer);
    if (!field_.empty()) field += (field_.front() == '[' ? "" : ".") + field_;
    return {code_, std::move(field), message_};
}

}  // namespace core
