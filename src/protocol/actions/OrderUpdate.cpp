// OrderUpdate: status, tracking number or paid flag for a list of orders (docs/protocol.md §3.3).
// What BaseLinker may change is the shop owner's choice (accept_updates); a refused or unusable
// value changes nothing and says why in the journal. Each order is its own store transaction.
// `counter` counts every existing order, refused ones included, as the official PHP files do:
// only malformed and unknown ids are left out.
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/Decimal.h"
#include "core/Text.h"
#include "protocol/Action.h"
#include "protocol/actions/Common.h"
#include "store/OrderText.h"

namespace protocol::actions {
namespace {

constexpr const char* kActor = "baselinker";

enum class UpdateType { Status, DeliveryNumber, Paid };

std::optional<UpdateType> read_type(const std::string& type) {
    if (type == "status") return UpdateType::Status;
    if (type == "delivery_number") return UpdateType::DeliveryNumber;
    if (type == "paid") return UpdateType::Paid;
    return std::nullopt;
}

bool accepted(const OrderSettings& settings, UpdateType type) {
    switch (type) {
        case UpdateType::Status:
            return settings.accept_status;
        case UpdateType::DeliveryNumber:
            return settings.accept_delivery_number;
        case UpdateType::Paid:
            return settings.accept_paid;
    }
    return false;
}

struct Skipped {
    std::string id;  // as sent
    std::string reason;
};

// An existing order the update was not applied to (counted nevertheless).
struct Refused {
    store::Id id = 0;
    std::string reason;
};

// What happened to the batch, for the answer and the journal.
struct Report {
    std::string type, value;
    std::string refused;                    // why nothing was applied at all ("" = it was tried)
    std::optional<store::Id> status_id;     // the shop status a status update resolved to
    std::vector<store::Id> applied;         // counted: changed or already so
    std::vector<store::Id> unchanged;       // the subset that already had the value
    std::vector<store::Id> stock_returned;  // entered a cancelled status: stock given back
    std::vector<store::Id> stock_retaken;   // left a cancelled status: stock taken again
    std::vector<Refused> refused_orders;    // counted, but refused (by configuration, a bad value)
    std::vector<Skipped> skipped;
    wire::Notes normalised;  // what the store cleans in the value before storing it

    std::int64_t counter() const { return std::int64_t(applied.size() + refused_orders.size()); }
};

// Orders one request may name: each is its own transaction, so a request's cost stays bounded.
constexpr std::size_t kMaxOrderIds = 1000;
// Skipped ids listed in the journal; the rest are counted (a detail stays small).
constexpr std::size_t kSkippedListed = 100;

// Integer ids in the order sent, each once (a hash set: linear in the list); anything else is
// skipped with a reason. nullopt when the list names more than kMaxOrderIds entries.
std::optional<std::vector<store::Id>> read_ids(std::string_view text, Report& report) {
    const auto parts = core::split_list(text);
    if (parts.size() > kMaxOrderIds) return std::nullopt;
    std::vector<store::Id> ids;
    std::unordered_set<store::Id> seen;
    for (std::string_view part : parts) {
        auto id = core::parse_int(part);
        if (!id || *id <= 0) {
            report.skipped.push_back({std::string(part), "not an order id"});
        } else if (seen.insert(*id).second) {
            ids.push_back(*id);
        }
    }
    return ids;
}

// update_value -> shop status: through status_map, then it must be a status the shop has.
std::optional<store::Id> resolve_status(const std::string& value, ActionContext& ctx,
                                        Report& report) {
    const auto& map = ctx.settings.orders.status_map;
    std::optional<store::Id> status;
    if (auto mapped = map.find(value); mapped != map.end()) {
        status = mapped->second;
    } else {
        status = core::parse_int(value);
    }
    if (!status) {
        report.refused = "not a status id";
        return std::nullopt;
    }
    const auto statuses = ctx.store.lookups().order_statuses();
    const bool known = std::any_of(statuses.begin(), statuses.end(),
                                   [&](const store::NamedId& s) { return s.id == *status; });
    if (!known) {
        report.refused = "unknown status " + std::to_string(*status);
        return std::nullopt;
    }
    report.status_id = *status;
    return status;
}

// Applies `change` to every id; Applied and Unchanged count, an unknown order is skipped.
void apply_each(const std::vector<store::Id>& ids, Report& report,
                const std::function<store::UpdateResult(store::Id)>& change) {
    for (store::Id id : ids) {
        const auto result = change(id);
        if (result == store::UpdateResult::Applied || result == store::UpdateResult::Unchanged) {
            report.applied.push_back(id);
            if (result == store::UpdateResult::Unchanged) report.unchanged.push_back(id);
        } else if (result == store::UpdateResult::UnknownStatus) {
            report.refused_orders.push_back({id, "unknown status"});  // the order exists
        } else if (result == store::UpdateResult::OnHold) {
            report.refused_orders.push_back({id, "order on hold: staff release it first"});
        } else {
            report.skipped.push_back({std::to_string(id), "unknown order"});
        }
    }
}

// The whole batch was refused (report.refused): existing orders are counted as refused, unknown
// ones skipped.
void refuse_all(const std::vector<store::Id>& ids, ActionContext& ctx, Report& report) {
    const auto existing = ctx.store.orders().existing_orders(ids);
    for (store::Id id : ids) {
        if (std::find(existing.begin(), existing.end(), id) != existing.end()) {
            report.refused_orders.push_back({id, report.refused});
        } else {
            report.skipped.push_back({std::to_string(id), "unknown order"});
        }
    }
}

void update_status(const std::vector<store::Id>& ids, ActionContext& ctx, Report& report) {
    const auto status = resolve_status(report.value, ctx, report);
    if (!status) return;
    auto& orders = ctx.store.orders();
    apply_each(ids, report, [&](store::Id id) {
        const auto update = orders.set_status(id, *status, kActor, ctx.now);
        if (update.stock_returned) report.stock_returned.push_back(id);
        if (update.stock_retaken) report.stock_retaken.push_back(id);
        return update.result;
    });
}

void update_delivery_number(const Params& params, const std::vector<store::Id>& ids,
                            ActionContext& ctx, Report& report) {
    store::Shipment shipment;
    shipment.number = report.value;
    shipment.carrier = std::string(core::trim(params.text("delivery_method_name")));
    shipment.url = std::string(core::trim(params.text("tracking_url")));
    // The store cleans the same way again (store/OrderText.h); asked first for the journal.
    report.normalised = store::clean_shipment_text(shipment);
    if (shipment.number.empty()) {  // nothing, or control characters only
        report.refused = "empty tracking number";
        return;
    }
    auto& orders = ctx.store.orders();
    apply_each(ids, report,
               [&](store::Id id) { return orders.add_shipment(id, shipment, kActor, ctx.now); });
}

void update_paid(const std::vector<store::Id>& ids, ActionContext& ctx, Report& report) {
    if (report.value != "0" && report.value != "1") {
        report.refused = "expected 0 or 1";
        return;
    }
    const bool paid = report.value == "1";
    auto& orders = ctx.store.orders();
    apply_each(ids, report,
               [&](store::Id id) { return orders.set_paid(id, paid, kActor, ctx.now); });
}

void write_ids(JsonWriter& out, const char* key, const std::vector<store::Id>& ids) {
    out.key(key).begin_array();
    for (store::Id id : ids) out.id(id);
    out.end_array();
}

std::string update_detail(const Report& report) {
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.key("type").string(report.type);
    out.key("value").string(report.value);
    if (report.status_id) out.key("status_id").id(*report.status_id);
    if (!report.refused.empty()) out.key("refused").string(report.refused);
    write_ids(out, "applied", report.applied);
    write_ids(out, "unchanged", report.unchanged);
    write_ids(out, "stock_returned", report.stock_returned);
    write_ids(out, "stock_retaken", report.stock_retaken);
    out.key("refused_orders").begin_array();
    for (const auto& refused : report.refused_orders) {
        out.begin_object().key("id").id(refused.id).key("reason").string(refused.reason);
        out.end_object();
    }
    out.end_array();
    out.key("skipped").begin_array();
    for (std::size_t i = 0; i < report.skipped.size() && i < kSkippedListed; ++i) {
        const auto& skipped = report.skipped[i];
        out.begin_object().key("id").string(skipped.id).key("reason").string(skipped.reason);
        out.end_object();
    }
    out.end_array();
    if (report.skipped.size() > kSkippedListed)
        out.key("skipped_more").integer(std::int64_t(report.skipped.size() - kSkippedListed));
    write_normalised(out, report.normalised);
    out.end_object();
    return text;
}

}  // namespace

Outcome order_update(const Params& params, ActionContext& ctx, JsonWriter& out) {
    Report report;
    report.type = core::ascii_lower(core::trim(params.text("update_type")));
    report.value = std::string(core::trim(params.text("update_value")));
    const auto type = read_type(report.type);
    if (!type) {
        auto error =
            core::invalid_parameter("update_type", "expected status, delivery_number or paid");
        report.refused = error.text();
        ctx.journal_detail = update_detail(report);
        return error;
    }
    const auto read = read_ids(params.text("orders_ids"), report);
    if (!read) {
        auto error = core::invalid_parameter(
            "orders_ids", "at most " + std::to_string(kMaxOrderIds) + " orders per request");
        report.refused = error.text();
        ctx.journal_detail = update_detail(report);
        return error;
    }
    const auto& ids = *read;
    if (!accepted(ctx.settings.orders, *type)) {
        report.refused = "refused by configuration (accept_updates)";
    } else if (*type == UpdateType::Status) {
        update_status(ids, ctx, report);
    } else if (*type == UpdateType::DeliveryNumber) {
        update_delivery_number(params, ids, ctx, report);
    } else {
        update_paid(ids, ctx, report);
    }
    if (!report.refused.empty()) refuse_all(ids, ctx, report);
    ctx.journal_detail = update_detail(report);
    out.begin_object().key("counter").integer(report.counter()).end_object();
    return {};
}

}  // namespace protocol::actions
