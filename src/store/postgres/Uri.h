#pragma once
// A database location ("postgresql://user:password@host:port/db?...") in messages: the password
// never appears in an error, a log line or a hint.
#include <string>

namespace store::postgres {

// The URI with its password (user info or `password=` parameter) replaced by "***".
std::string redact_uri(const std::string& uri);
// `message` with every occurrence of the URI's password (as written and percent-decoded)
// replaced by "***".
std::string scrub_password(std::string message, const std::string& uri);
// The database the URI names ("" when it names none); percent-decoded.
std::string database_of(const std::string& uri);

}  // namespace store::postgres
