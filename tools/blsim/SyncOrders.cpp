#include "blsim/SyncOrders.h"

#include <boost/json.hpp>
#include <ctime>
#include <map>

#include "blsim/Json.h"
#include "blsim/Progress.h"
#include "blsim/SyncCall.h"

namespace blsim {

namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxOrderPages = 100000;
constexpr std::size_t kUpdateBatch = 100;
// time_from is saved this far before the poll: a shop clock slightly behind ours, or an order
// committed with a date_add just before the poll, must not fall out of the next window.
constexpr std::int64_t kTimeSlack = 600;

std::map<std::string, std::string> id_names(Client& client, const std::string& action) {
    std::map<std::string, std::string> out;
    json::value answer = call_json(client, action);
    if (answer.is_object())
        for (const auto& [id, name] : answer.get_object())
            if (name.is_string()) out[std::string(id)] = std::string(name.get_string());
    return out;
}

bool id_less(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// OrderUpdate of one type on a batch of ids; the shop must count every one of them.
void send_update(Client& client, const std::vector<std::string>& ids, const Fields& extra) {
    for (std::size_t at = 0; at < ids.size(); at += kUpdateBatch) {
        std::string list;
        std::size_t n = 0;
        for (std::size_t i = at; i < ids.size() && i < at + kUpdateBatch; ++i, ++n)
            list += (list.empty() ? "" : ",") + ids[i];
        Fields fields = extra;
        fields["orders_ids"] = list;
        json::value answer = call_json(client, "OrderUpdate", fields);
        const auto* counter =
            answer.is_object() ? answer.get_object().if_contains("counter") : nullptr;
        const auto got = counter ? as_int(*counter).value_or(-1) : -1;
        if (got != static_cast<std::int64_t>(n))
            throw SyncError("OrderUpdate " + extra.at("update_type") + ": counter " +
                            std::to_string(got) + " for " + std::to_string(n) + " orders");
    }
}

std::string pick_status(Rng& rng, const ShopLists& lists, const std::string& current) {
    std::vector<std::string> ids;
    for (const auto& [id, name] : lists.statuses)
        if (id != current && !is_cancel_status(name) && !is_hold_status(name)) ids.push_back(id);
    return ids.empty() ? current : rng.pick(ids);
}

std::string digits(Rng& rng, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng.below(10));
    return out;
}

}  // namespace

std::string sync_lists(Client& client, ShopLists& lists) {
    lists.statuses = id_names(client, "StatusesList");
    lists.delivery = id_names(client, "DeliveryMethodsList");
    lists.payment = id_names(client, "PaymentMethodsList");
    return std::to_string(lists.statuses.size()) + " statuses, " +
           std::to_string(lists.delivery.size()) + " delivery, " +
           std::to_string(lists.payment.size()) + " payment methods";
}

std::string poll_orders(Client& client, bool progress, SyncState& state,
                        std::set<std::string>& seen) {
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    Fields filter{{"id_from", state.id_from}};
    if (state.time_from > 0) filter["time_from"] = std::to_string(state.time_from);
    Progress bar(progress, "orders", 1);
    std::string max_id = state.id_from;
    std::int64_t pages = 1;
    for (std::int64_t page = 1; page <= pages && page <= kMaxOrderPages; ++page) {
        Fields fields = filter;
        fields["page"] = std::to_string(page);
        json::value answer = call_json(client, "OrdersGet", fields);
        if (page == 1) bar.set_total(static_cast<std::uint64_t>(pages = pages_of(answer)));
        if (!answer.is_object()) break;
        for (const auto& [key, order] : answer.get_object()) {
            if (key == "pages") continue;
            const std::string id(key);
            if (!id_less(state.id_from, id))
                throw SyncError("OrdersGet: order " + id + " is not after id_from " +
                                state.id_from);
            if (!seen.insert(id).second) throw SyncError("OrdersGet: order " + id + " repeated");
            if (id_less(max_id, id)) max_id = id;
        }
        bar.advance();
    }
    const std::string from = state.id_from;
    state.id_from = max_id;
    state.time_from = now - kTimeSlack;
    return std::to_string(seen.size()) + " new orders, id_from " + from + " -> " + max_id;
}

std::string add_orders(Client& client, bool progress, const std::string& state_dir, int count,
                       const Catalog& catalog, const ShopLists& lists, SyncState& state,
                       StockMap& ordered) {
    const std::uint64_t first_seed = state.counter;
    state.counter += static_cast<std::uint64_t>(count);
    save_state(state_dir, state);  // a crash must never reuse these baselinker ids
    StockMap left = catalog.stock;
    Progress bar(progress, "OrderAdd", static_cast<std::uint64_t>(count));
    int added = 0;
    std::int64_t units = 0;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t seed = first_seed + static_cast<std::uint64_t>(i);
        Rng rng(seed);
        SimOrder order =
            make_order(rng, std::to_string(state.id_base + seed), catalog, lists, left);
        if (order.lines.empty()) break;  // catalogue sold out
        json::value answer = call_json(client, "OrderAdd", order_add_form(order));
        const auto* id = answer.is_object() ? answer.get_object().if_contains("order_id") : nullptr;
        if (!id || !as_id(*id))
            throw SyncError("OrderAdd: no order_id in " + json::serialize(answer));
        for (const auto& line : order.lines) {
            ordered[{line.item.product_id, line.item.variant_id}] += line.quantity;
            units += line.quantity;
        }
        state.orders.push_back({*as_id(*id), std::move(order), "", "", "", "", ""});
        ++added;
        bar.advance();
    }
    return std::to_string(added) + " orders, " + std::to_string(units) + " units";
}

std::string update_orders(Client& client, bool progress, const ShopLists& lists, SyncState& state,
                          std::size_t first) {
    Progress bar(progress, "OrderUpdate", state.orders.size() - first);
    std::map<std::string, std::vector<std::string>> by_status;
    std::vector<std::string> all;
    for (std::size_t i = first; i < state.orders.size(); ++i) {
        AddedOrder& a = state.orders[i];
        Rng rng(state.id_base ^ (0x5eed0000ULL + i));
        const auto& f = a.pushed.fields;
        a.status_id = pick_status(rng, lists, f.count("status_id") ? f.at("status_id") : "");
        if (!a.status_id.empty()) by_status[a.status_id].push_back(a.order_id);
        a.tracking = "6300" + digits(rng, 20);
        a.carrier = is_locker_delivery(f.at("delivery_method")) ? "InPost Paczkomaty"
                                                                : f.at("delivery_method");
        a.tracking_url = "https://inpost.pl/sledzenie-przesylek?number=" + a.tracking;
        send_update(client, {a.order_id},
                    {{"update_type", "delivery_number"},
                     {"update_value", a.tracking},
                     {"delivery_method_name", a.carrier},
                     {"tracking_url", a.tracking_url}});
        all.push_back(a.order_id);
        bar.advance();
    }
    for (const auto& [status, ids] : by_status)
        send_update(client, ids, {{"update_type", "status"}, {"update_value", status}});
    send_update(client, all, {{"update_type", "paid"}, {"update_value", "1"}});
    for (std::size_t i = first; i < state.orders.size(); ++i) state.orders[i].paid = "1";
    return std::to_string(all.size()) + " tracking, " + std::to_string(by_status.size()) +
           " status batches, paid";
}

}  // namespace blsim
