// The admin API's edge of the error vocabulary: HTTP status and JSON code per Status code, as
// docs/admin-api.md lists them.
#include <gtest/gtest.h>

#include "admin/api/HttpError.h"

namespace {

using admin::api::http_error;
using core::Code;

void expect(Code code, int status, std::string_view json_code) {
    EXPECT_EQ(http_error(code).status, status) << core::code_name(code);
    EXPECT_EQ(http_error(code).code, json_code) << core::code_name(code);
}

TEST(HttpError, EveryCodeHasItsDocumentedStatus) {
    expect(Code::InvalidField, 422, "invalid_field");
    expect(Code::Malformed, 400, "invalid_json");
    expect(Code::NotFound, 404, "not_found");
    expect(Code::Conflict, 409, "conflict");
    expect(Code::Unauthenticated, 401, "unauthenticated");
    expect(Code::Forbidden, 403, "csrf_failed");
    expect(Code::TooLarge, 413, "payload_too_large");
    expect(Code::RateLimited, 429, "rate_limited");
    expect(Code::Unsupported, 405, "method_not_allowed");
    expect(Code::Unavailable, 503, "unavailable");
    expect(Code::Held, 409, "held");
    expect(Code::Internal, 500, "internal_error");
}

}  // namespace
