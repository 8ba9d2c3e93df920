// /held-changes: the stock and price batches from BaseLinker that the mass-change guard held
// (docs/guard.md), for staff to look at and apply or discard. The decision is recorded on the
// batch (by "admin:<user>", when) and in the log.
#include <spdlog/spdlog.h>

#include "admin/api/Fields.h"
#include "admin/api/Json.h"

namespace admin::api {
namespace {

constexpr std::int64_t kDefaultLimit = 50;

void write_batch_fields(wire::JsonWriter& out, const store::HeldBatch& b) {
    out.key("id").integer(b.id);
    out.key("kind").string(store::held_kind_name(b.kind));
    out.key("state").string(store::held_state_name(b.state));
    out.key("rule").string(b.rule);
    out.key("summary").string(b.summary);
    out.key("tripped").integer(b.tripped);
    out.key("out_of").integer(b.out_of);
    out.key("entry_count").integer(b.entry_count);
    out.key("created_at").integer(b.created_at);
    out.key("last_sent_at").integer(b.last_sent_at);
    out.key("resends").integer(b.resends);
    out.key("decided_by");
    b.decided_by.empty() ? out.null() : out.string(b.decided_by);
    out.key("decided_at");
    b.decided_at == 0 ? out.null() : out.integer(b.decided_at);
    out.key("applied");
    b.applied ? out.integer(*b.applied) : out.null();
}

void write_entries(wire::JsonWriter& out, const store::HeldDetail& d) {
    out.key("entries").begin_array();
    for (const auto& c : d.stock) {
        out.begin_object().key("entry").integer(static_cast<std::int64_t>(c.entry));
        out.key("product_id").integer(c.product_id).key("variant_id").integer(c.variant_id);
        out.key("operation").string(c.op == store::StockOp::Set ? "set" : "change");
        out.key("quantity").integer(c.quantity).end_object();
    }
    for (const auto& c : d.prices) {
        out.begin_object().key("entry").integer(static_cast<std::int64_t>(c.entry));
        out.key("product_id").integer(c.product_id).key("variant_id").integer(c.variant_id);
        out.key("price");
        write_money(out, c.price);
        out.end_object();
    }
    out.end_array();
}

core::WebResponse list_held(Call& call) {
    std::optional<store::HeldState> state = store::HeldState::Held;
    if (auto text = query_text(call, "state")) {
        state = store::held_state_from(*text);
        if (!state && *text != "all")
            throw invalid_field("state", "expected held, applied, discarded or all");
    }
    const auto batches = call.store.held_changes().list(state, query_limit(call, kDefaultLimit));
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("items").begin_array();
        for (const auto& b : batches) {
            out.begin_object();
            write_batch_fields(out, b);
            out.end_object();
        }
        out.end_array().end_object();
    });
}

store::HeldDetail detail_of(Call& call) {
    auto detail = call.store.held_changes().detail(path_id(call, 0));
    if (!detail) throw not_found("no held change " + std::to_string(path_id(call, 0)));
    return std::move(*detail);
}

core::WebResponse detail_reply(const store::HeldDetail& d, const store::BatchResult* result) {
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object();
        write_batch_fields(out, d);
        write_entries(out, d);
        if (result) {
            out.key("notes").begin_array();
            for (const auto& note : result->notes) {
                out.begin_object().key("entry").integer(static_cast<std::int64_t>(note.entry));
                out.key("status").string(note.applied ? "applied" : "skipped");
                out.key("reason").string(note.reason).end_object();
            }
            out.end_array();
        }
        out.end_object();
    });
}

core::WebResponse held_change(Call& call) {
    return detail_reply(detail_of(call), nullptr);
}

core::WebResponse apply_held(Call& call) {
    const store::Id id = path_id(call, 0);
    auto result =
        value_or_throw(call.store.held_changes().apply(id, call.caller.actor(), call.now));
    spdlog::info("admin api: {} applied held change {} ({} entries applied)", call.caller.username,
                 id, result.applied);
    return detail_reply(detail_of(call), &result);
}

core::WebResponse discard_held(Call& call) {
    const store::Id id = path_id(call, 0);
    auto status = call.store.held_changes().discard(id, call.caller.actor(), call.now);
    if (!status.ok()) throw ApiError(status);
    spdlog::info("admin api: {} discarded held change {}", call.caller.username, id);
    return detail_reply(detail_of(call), nullptr);
}

}  // namespace

std::vector<Route> held_change_routes() {
    return {
        {"GET", "/held-changes", list_held},
        {"GET", "/held-changes/{id}", held_change},
        {"POST", "/held-changes/{id}/apply", apply_held},
        {"POST", "/held-changes/{id}/discard", discard_held},
    };
}

}  // namespace admin::api
