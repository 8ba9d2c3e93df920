// /order-statuses, /delivery-methods, /payment-methods: the shop's small lookup tables. A
// status's flag is "cancelled" (setting it gives an order's stock back), a payment method's
// "cod" (cash on delivery); delivery methods have none. Names: 1-100 characters, trimmed.
#include "admin/api/Fields.h"
#include "admin/api/Json.h"

namespace admin::api {
namespace {

constexpr std::size_t kMaxName = 100;

// One lookup table: its flag's JSON key (nullptr: no flag) and the store calls.
struct Table {
    const char* noun;  // for messages: "status"
    const char* flag;
    std::vector<store::NamedId> (store::Lookups::*read)();
    core::Result<store::Id> (store::Lookups::*save)(const store::NamedId&);
};

constexpr Table kStatuses{"status", "cancelled", &store::Lookups::order_statuses,
                          &store::Lookups::save_order_status};
constexpr Table kDeliveryMethods{"delivery method", nullptr, &store::Lookups::delivery_methods,
                                 &store::Lookups::save_delivery_method};
constexpr Table kPaymentMethods{"payment method", "cod", &store::Lookups::payment_methods,
                                &store::Lookups::save_payment_method};

core::WebResponse list(Call& call, const Table& table) {
    const auto rows = (call.store.lookups().*table.read)();
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("items").begin_array();
        for (const auto& row : rows) {
            out.begin_object().key("id").integer(row.id).key("name").string(row.name);
            if (table.flag != nullptr) out.key(table.flag).boolean(row.flag);
            out.end_object();
        }
        out.end_array().end_object();
    });
}

std::optional<store::NamedId> find(Call& call, const Table& table, store::Id id) {
    for (const auto& row : (call.store.lookups().*table.read)()) {
        if (row.id == id) return row;
    }
    return std::nullopt;
}

// The body of POST and PUT. A missing flag keeps the row's current one (false for a new row), so
// renaming a status cannot silently stop it being a cancellation.
store::NamedId read_item(const Body& body, const Table& table, const store::NamedId& current) {
    store::NamedId item = current;
    item.name = bounded_text(body, "name", 1, kMaxName, true);
    if (table.flag != nullptr) item.flag = body.optional_boolean(table.flag).value_or(item.flag);
    return item;
}

Body read_body(const Call& call, const Table& table) {
    if (table.flag == nullptr) return Body(call.request.body, {"name"});
    return Body(call.request.body, {"name", std::string_view(table.flag)});
}

core::WebResponse create(Call& call, const Table& table) {
    const auto item = read_item(read_body(call, table), table, store::NamedId{});
    return id_reply(201, value_or_throw((call.store.lookups().*table.save)(item)));
}

core::WebResponse update(Call& call, const Table& table) {
    const auto id = path_id(call, 0);
    const Body body = read_body(call, table);
    const auto current = find(call, table, id);
    if (!current) throw not_found(std::string("unknown ") + table.noun + " " + std::to_string(id));
    auto saved = (call.store.lookups().*table.save)(read_item(body, table, *current));
    // NotFound here: deleted between the read and the write.
    if (!saved) throw not_found(std::string("unknown ") + table.noun + " " + std::to_string(id));
    return id_reply(200, *saved);
}

template <const Table& T>
core::WebResponse list_of(Call& call) {
    return list(call, T);
}
template <const Table& T>
core::WebResponse create_of(Call& call) {
    return create(call, T);
}
template <const Table& T>
core::WebResponse update_of(Call& call) {
    return update(call, T);
}

}  // namespace

std::vector<Route> lookup_routes() {
    return {
        {"GET", "/order-statuses", list_of<kStatuses>},
        {"POST", "/order-statuses", create_of<kStatuses>},
        {"PUT", "/order-statuses/{id}", update_of<kStatuses>},
        {"GET", "/delivery-methods", list_of<kDeliveryMethods>},
        {"POST", "/delivery-methods", create_of<kDeliveryMethods>},
        {"PUT", "/delivery-methods/{id}", update_of<kDeliveryMethods>},
        {"GET", "/payment-methods", list_of<kPaymentMethods>},
        {"POST", "/payment-methods", create_of<kPaymentMethods>},
        {"PUT", "/payment-methods/{id}", update_of<kPaymentMethods>},
    };
}

}  // namespace admin::api
