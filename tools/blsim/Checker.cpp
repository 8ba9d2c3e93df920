#include <boost/json/serialize.hpp>

#include "blsim/Check.h"
#include "blsim/Json.h"
#include "core/Text.h"

namespace blsim {

namespace json = boost::json;

const char* verdict_name(Verdict v) {
    switch (v) {
        case Verdict::pass:
            return "PASS";
        case Verdict::fail:
            return "FAIL";
        case Verdict::note:
            return "NOTE";
        case Verdict::skip:
            return "SKIP";
    }
    return "?";
}

std::string excerpt(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    // Cut on a UTF-8 boundary so that the report itself stays valid UTF-8.
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

std::string describe_json_type(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "bool";
        case json::kind::int64:
        case json::kind::uint64:
            return "integer";
        case json::kind::double_:
            return "number";
        case json::kind::string:
            return "string";
        case json::kind::array:
            return "array";
        case json::kind::object:
            return "object";
    }
    return "?";
}

namespace {

std::string request_text(const std::string& action, const Fields& fields) {
    std::string out = "action=" + action;
    for (const auto& [key, value] : fields) out += " " + key + "=" + excerpt(value, 120);
    return out;
}

}  // namespace

Reply Checker::call(const std::string& action, const Fields& fields) {
    Reply reply = client_.call(action, fields);
    if (!core::is_valid_utf8(reply.body)) bad_utf8_.push_back(action);
    remember(request_text(action, fields), reply);
    return reply;
}

std::optional<json::value> Checker::call_json(const std::string& action, const Fields& fields) {
    const Reply reply = call(action, fields);
    if (reply.status == 0) return std::nullopt;
    auto parsed = parse_json(reply.body);
    if (!parsed) not_json_.push_back(action);
    return parsed;
}

void Checker::remember(const std::string& request, const Reply& reply) {
    last_request_ = request;
    if (reply.status == 0)
        last_response_ = "(no answer: " + reply.error + ")";
    else
        last_response_ = "HTTP " + std::to_string(reply.status) + " " + excerpt(reply.body);
}

void Checker::record(const std::string& id, const std::string& description,
                     const Findings& findings) {
    CheckResult r{id, description, Verdict::pass, "", last_request_, last_response_};
    const auto& list = findings.ok() ? findings.deviations : findings.problems;
    if (!findings.ok())
        r.verdict = Verdict::fail;
    else if (!findings.deviations.empty())
        r.verdict = Verdict::note;
    // A handful of messages pinpoint the problem; hundreds would bury it.
    for (std::size_t i = 0; i < list.size() && i < 5; ++i) r.detail += (i ? "; " : "") + list[i];
    if (list.size() > 5) r.detail += "; … (" + std::to_string(list.size()) + " in all)";
    results_.push_back(std::move(r));
}

void Checker::skip(const std::string& id, const std::string& description, const std::string& why) {
    results_.push_back({id, description, Verdict::skip, why, "", ""});
}

std::optional<PagedMap> read_paged_map(const json::value& v) {
    PagedMap map;
    if (v.is_array() && v.get_array().empty()) {
        map.empty_list = true;
        return map;
    }
    if (!v.is_object() || is_error_envelope(v)) return std::nullopt;
    for (const auto& entry : v.get_object()) {
        if (entry.key() == "pages")
            map.pages = as_int(entry.value());
        else
            map.entries.emplace_back(std::string(entry.key()), entry.value());
    }
    return map;
}

}  // namespace blsim
