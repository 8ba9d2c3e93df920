// OrderAdd: a marketplace sale becomes a shop order, exactly once (docs/protocol.md §3.2). All
// checking happens before the store call; the store decides duplicates, replacement, binding and
// stock in one transaction.
#include <string>

#include "protocol/Action.h"
#include "protocol/actions/Common.h"
#include "protocol/actions/OrderInput.h"

namespace protocol::actions {
namespace {

const char* kind_name(store::AddOrderResult::Kind kind) {
    switch (kind) {
        case store::AddOrderResult::Kind::Created:
            return "created";
        case store::AddOrderResult::Kind::Duplicate:
            return "duplicate";
        case store::AddOrderResult::Kind::Replaced:
            return "replaced";
        case store::AddOrderResult::Kind::Rejected:
            return "rejected";
        case store::AddOrderResult::Kind::Held:
            return "held";
    }
    return "unknown";
}

store::AddOrderOptions add_options(const OrderSettings& settings) {
    store::AddOrderOptions options;
    options.unknown_products = settings.unknown_products;
    options.match_by_codes = settings.match_by_codes;
    options.default_status = settings.default_status;
    options.actor = "baselinker";
    return options;
}

// Lines named in the error text; the rest are counted (an answer must stay readable).
constexpr std::size_t kLinesInError = 20;

// "no catalogue product for line 2 (sku 'X', ean 'Y', name 'Z'); ..." with lines counted from 1.
std::string unmatched_text(const store::OrderInput& order,
                           const std::vector<std::size_t>& unmatched) {
    std::string text;
    for (std::size_t i = 0; i < unmatched.size() && i < kLinesInError; ++i) {
        const std::size_t index = unmatched[i];
        const auto& line = order.lines.at(index);
        if (!text.empty()) text += "; ";
        text += "no catalogue product for line " + std::to_string(index + 1) + " (sku '" +
                line.sku + "', ean '" + line.ean + "', name '" + line.name + "')";
    }
    if (unmatched.size() > kLinesInError) {
        text += "; and " + std::to_string(unmatched.size() - kLinesInError) + " more lines";
    }
    return text;
}

// Journal detail: which BaseLinker order became which shop order, and what needs staff attention
// (free lines, oversold lines, why it is on hold). Lines are counted from 1, as in the error text.
std::string add_detail(const OrderAddRequest& request, const store::AddOrderResult& result) {
    const store::OrderInput& order = request.order;
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.key("baselinker_id");
    order.baselinker_id ? out.id(*order.baselinker_id) : out.null();
    out.key("order_id");
    result.kind == store::AddOrderResult::Kind::Rejected ? out.null() : out.id(result.order_id);
    out.key("result").string(kind_name(result.kind));
    out.key("lines").integer(static_cast<std::int64_t>(order.lines.size()));
    const bool kept_free = result.kind == store::AddOrderResult::Kind::Created ||
                           result.kind == store::AddOrderResult::Kind::Replaced;
    out.key(kept_free ? "free_lines" : "unknown_lines").begin_array();
    for (std::size_t index : result.unmatched_lines) out.integer(std::int64_t(index) + 1);
    out.end_array();
    out.key("oversold").begin_array();
    for (const auto& line : result.lines) {
        if (line.oversold <= 0) continue;
        out.begin_object();
        out.key("line").integer(std::int64_t(line.line) + 1);
        out.key("quantity").integer(line.oversold);
        out.end_object();
    }
    out.end_array();
    if (result.kind == store::AddOrderResult::Kind::Held) {
        out.key("held").begin_array();  // why staff must look at it (docs/orders.md)
        for (const auto& problem : result.problems) out.string(problem.message);
        out.end_array();
    }
    // What the reader took as PHP would, then what the store cleaned in the text.
    wire::Notes normalised = request.normalised;
    normalised.insert(normalised.end(), result.normalised.begin(), result.normalised.end());
    write_normalised(out, normalised);
    out.end_object();
    return text;
}

// A refused request is journaled with the BaseLinker id as sent, so staff can find the sale.
std::string invalid_detail(const Params& params, const core::Status& error) {
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.key("baselinker_id").string(params.text("baselinker_id"));
    out.key("result").string("invalid");
    out.key("reason").string(error.text());
    out.end_object();
    return text;
}

}  // namespace

Outcome order_add(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto request = read_order_add(params, ctx.settings.currency);
    if (!request) {
        ctx.journal_detail = invalid_detail(params, request.status());
        return request.status();
    }
    const auto result = ctx.store.orders().add_baselinker_order(
        request->order, request->previous_order_id, add_options(ctx.settings.orders), ctx.now);
    ctx.journal_detail = add_detail(*request, result);
    if (result.kind == store::AddOrderResult::Kind::Rejected) {
        return core::Status::not_found(unmatched_text(request->order, result.unmatched_lines));
    }
    out.begin_object().key("order_id").id(result.order_id).end_object();
    return {};
}

}  // namespace protocol::actions
