// The connector's edge of the error vocabulary: every Status code becomes one of the wire codes
// docs/protocol.md §1.4 lists, with its HTTP status, and never an unlisted one.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "protocol/ErrorEnvelope.h"

namespace {

using core::Code;
using protocol::wire_error;

TEST(ErrorEnvelope, ClientErrorsKeepTheirWireCodes) {
    EXPECT_EQ(wire_error(Code::InvalidField).code, "invalid_parameter");
    EXPECT_EQ(wire_error(Code::Malformed).code, "invalid_parameter");
    EXPECT_EQ(wire_error(Code::Unauthenticated).code, "incorrect_password");
    EXPECT_EQ(wire_error(Code::Unsupported).code, "unsupported_action");
    EXPECT_EQ(wire_error(Code::InvalidField).http_status, 200);  // BaseLinker reads the envelope
}

TEST(ErrorEnvelope, NotFoundIsAClientErrorNeverAnInternalOne) {
    // Before the vocabulary, a store "not found" was a StoreError, answered internal_error.
    EXPECT_EQ(wire_error(Code::NotFound).code, "unknown_product");
    EXPECT_EQ(wire_error(Code::NotFound).http_status, 200);
    EXPECT_NE(wire_error(Code::Conflict).code, "internal_error");
}

TEST(ErrorEnvelope, TransportRefusalsKeepTheirStatuses) {
    EXPECT_EQ(wire_error(Code::Forbidden).http_status, 403);
    EXPECT_EQ(wire_error(Code::RateLimited).http_status, 429);
    EXPECT_EQ(wire_error(Code::TooLarge).http_status, 413);
    EXPECT_EQ(wire_error(Code::TooLarge).code, "request_too_large");
    EXPECT_EQ(wire_error(Code::Unavailable).http_status, 503);
    EXPECT_EQ(wire_error(Code::Unavailable).code, "internal_error");
    EXPECT_EQ(wire_error(Code::Held).http_status, 200);
    EXPECT_EQ(wire_error(Code::Held).code, "mass_change_held");
    EXPECT_EQ(wire_error(Code::Internal).code, "internal_error");
}

TEST(ErrorEnvelope, EveryCodeMapsToADocumentedWireCode) {
    const std::set<std::string_view> documented{
        "no_password",       "incorrect_password", "unsupported_action", "invalid_parameter",
        "unknown_product",   "internal_error",     "forbidden",          "rate_limited",
        "request_too_large", "mass_change_held"};
    for (int c = 0; c <= static_cast<int>(Code::Internal); ++c) {
        const auto code = static_cast<Code>(c);
        EXPECT_TRUE(documented.count(wire_error(code).code)) << core::code_name(code);
    }
}

TEST(ErrorEnvelope, TheEnvelopeNamesTheFieldInItsText) {
    EXPECT_EQ(
        protocol::error_envelope(core::Status::invalid_field("filter_limit", "too big")),
        R"({"error":true,"error_code":"invalid_parameter","error_text":"filter_limit: too big"})");
}

}  // namespace
