#pragma once
// Decoding of the connector's form bodies: application/x-www-form-urlencoded and
// multipart/form-data. A repeated key keeps the last value (as PHP does).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/Status.h"

namespace wire {

struct Form {
    std::unordered_map<std::string, std::string> fields;
    const std::string* find(std::string_view key) const;
};

// A body that cannot be decoded is Code::Malformed with a message for the client, e.g.
// "malformed percent-encoding"; no field is named (the caller knows which body it was).

// What a malformed escape ("%G1", a trailing "%4") does: an error (the admin API's query
// strings), or the '%' kept literally, as PHP's urldecode does (the connector, docs/protocol.md
// §1.2: BaseLinker's PHP files read such a body).
enum class BadEscape { Refuse, KeepLiterally };

// Percent-decoding with '+' as space.
core::Result<Form> decode_urlencoded(std::string_view body, BadEscape bad = BadEscape::Refuse);
// `content_type` is the full header value (the boundary is read from it).
core::Result<Form> decode_multipart(std::string_view body, std::string_view content_type);
// Dispatches on the content type (urlencoded when missing or unknown).
core::Result<Form> decode_form(std::string_view body, std::string_view content_type,
                               BadEscape bad = BadEscape::Refuse);

// PHP bracket form: products[0][product_id]=12&products[0][quantity]=3 arrive as separate fields.
// Returns a JSON array text equivalent to the JSON-string form (all scalars as strings), or
// nullopt when no "name[" field exists. Indices are ordered numerically.
std::optional<std::string> bracket_field_as_json(const Form& form, std::string_view name);

}  // namespace wire
