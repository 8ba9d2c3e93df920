// /journal: the connector's request journal, newest first, for the panel's "what did BaseLinker
// do" view. Read only.
#include <boost/json.hpp>

#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "core/Text.h"

namespace admin::api {
namespace {

constexpr std::int64_t kDefaultLimit = 50;

void write_entry_fields(wire::JsonWriter& out, const store::JournalEntry& entry) {
    out.key("id").integer(entry.id);
    out.key("at_ms").integer(entry.at_ms);
    out.key("request_id").string(entry.request_id);
    out.key("client").string(entry.client);
    out.key("action").string(entry.action);
    out.key("duration_us").integer(entry.duration_us);
    out.key("http_status").integer(entry.http_status);
    out.key("outcome").string(entry.outcome);
    out.key("response_bytes").integer(entry.response_bytes);
}

// The detail as the JSON value the action recorded; a text that is not JSON (an older writer, a
// truncated row) is shown as a string rather than breaking the reply.
void write_detail(wire::JsonWriter& out, const std::string& detail) {
    if (detail.empty()) {
        out.null();
        return;
    }
    boost::json::error_code ec;
    if (core::is_valid_utf8(detail)) {
        boost::json::parse(detail, ec);
        if (!ec) {
            out.raw(detail);
            return;
        }
    }
    out.string(detail);
}

// The opaque cursor is the id of the last entry shown: the next page has smaller ids.
std::optional<std::int64_t> read_cursor(const Call& call) {
    auto before = query_cursor(call);
    if (before && *before <= 0) throw invalid_field("cursor", "not a cursor of this list");
    return before;
}

store::JournalQuery read_query(const Call& call) {
    store::JournalQuery q;
    q.from_ms = query_integer(call, "from");
    q.to_ms = query_integer(call, "to");
    q.action = query_text(call, "action");
    q.outcome = query_text(call, "outcome");
    q.errors_only = query_boolean(call, "errors").value_or(false);
    q.limit = query_limit(call, kDefaultLimit);
    q.before_id = read_cursor(call);
    return q;
}

core::WebResponse list_journal(Call& call) {
    store::JournalQuery q = read_query(call);
    const std::int64_t limit = q.limit;
    q.limit = limit + 1;  // one more than shown: tells whether a next page exists
    auto entries = call.store.journal().query(q);
    bool more = static_cast<std::int64_t>(entries.size()) > limit;
    if (more) entries.resize(static_cast<std::size_t>(limit));
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("items").begin_array();
        for (const auto& entry : entries) {
            out.begin_object();
            write_entry_fields(out, entry);
            out.end_object();
        }
        out.end_array().key("next_cursor");
        if (more) {
            out.string(std::to_string(entries.back().id));
        } else {
            out.null();
        }
        out.end_object();
    });
}

core::WebResponse journal_entry(Call& call) {
    auto entry = call.store.journal().entry(path_id(call, 0));
    if (!entry) throw not_found("no journal entry " + std::to_string(path_id(call, 0)));
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object();
        write_entry_fields(out, *entry);
        out.key("detail");
        write_detail(out, entry->detail);
        out.end_object();
    });
}

}  // namespace

std::vector<Route> journal_routes() {
    return {
        {"GET", "/journal", list_journal},
        {"GET", "/journal/{id}", journal_entry},
    };
}

}  // namespace admin::api
