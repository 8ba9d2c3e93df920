#include "admin/api/Fields.h"

#include "core/Decimal.h"
#include "core/Text.h"

namespace admin::api {

store::Id path_id(const Call& call, std::size_t n) {
    // The route pattern decides how many ids there are; a mismatch is a programming error.
    if (n >= call.ids.size()) throw std::logic_error("route has no id " + std::to_string(n));
    return call.ids[n];
}

std::size_t char_count(std::string_view utf8) {
    std::size_t count = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) != 0x80) ++count;  // every byte but continuation bytes starts a character
    }
    return count;
}

std::string bounded_text(const Body& body, std::string_view key, std::size_t min, std::size_t max,
                         bool trim) {
    std::string text = body.string(key);  // valid UTF-8
    if (trim) text = std::string(core::trim(text));
    const std::size_t n = char_count(text);
    if (n < min || n > max) {
        throw invalid_field(std::string(key), "must be " + std::to_string(min) + " to " +
                                                  std::to_string(max) + " characters");
    }
    return text;
}

std::optional<std::int64_t> query_cursor(const Call& call) {
    auto text = query_text(call, "cursor");  // nullopt when absent or empty
    if (!text) return std::nullopt;
    const bool digits = text->find_first_not_of("0123456789") == std::string::npos;
    auto value = digits ? core::parse_int(*text) : std::nullopt;
    if (!value) throw invalid_field("cursor", "not a cursor of this list");
    return value;
}

void check_json_body(std::string_view text) {
    try {
        Body body(text, {});
    } catch (const ApiError& e) {
        // Body checks the keys last: with no key allowed, a 422 means every JSON rule held and
        // only the keys are left, which the records parser knows (one list of keys per format).
        if (e.status.code() != core::Code::InvalidField) throw;
    }
}

store::OrderPolicy order_policy_in_force(const Call& call, const store::StoredSettings& stored) {
    return stored.orders.value_or(call.connector.config_policy);
}

core::WebResponse json_reply_with(int status, const std::function<void(wire::JsonWriter&)>& write) {
    std::string body;
    wire::JsonWriter out(body);
    write(out);
    return json_reply(status, std::move(body));
}

core::WebResponse id_reply(int status, store::Id id) {
    return json_reply_with(status, [id](wire::JsonWriter& out) {
        out.begin_object().key("id").integer(id).end_object();
    });
}

}  // namespace admin::api
