#pragma once
// The admin API's edge of the error vocabulary: a core::Status becomes an HTTP status and the
// stable `code` of {"error":{"code","message","field"}} (docs/admin-api.md). The one place that
// knows the admin API's error codes.
#include <string_view>

#include "core/Status.h"

namespace admin::api {

struct HttpError {
    int status;             // 400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 503
    std::string_view code;  // invalid_field, not_found, conflict...
};

HttpError http_error(core::Code code);

}  // namespace admin::api
