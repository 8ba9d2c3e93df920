// OrdersGet: orders of both origins, ascending id, one page (docs/protocol.md §3.1). Every key of
// the order table is always written, in the table's order, so BaseLinker never misses a field.
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

void write_optional_id(JsonWriter& out, const std::optional<store::Id>& id) {
    id ? out.id(*id) : out.string("");
}

void write_address(JsonWriter& out, const char* prefix, const store::Address& a,
                   const std::string* nip) {
    const std::string p(prefix);
    out.key(p + "fullname").string(a.fullname);
    out.key(p + "company").string(a.company);
    if (nip) out.key(p + "nip").string(*nip);
    out.key(p + "address").string(a.address);
    out.key(p + "city").string(a.city);
    out.key(p + "postcode").string(a.postcode);
    out.key(p + "state_code").string(a.state_code);
    out.key(p + "country").string(a.country);
    out.key(p + "country_code").string(a.country_code);
}

void write_point(JsonWriter& out, const store::PickupPoint& point) {
    out.key("delivery_point_id").string(point.id);
    out.key("delivery_point_name").string(point.name);
    out.key("delivery_point_address").string(point.address);
    out.key("delivery_point_postcode").string(point.postcode);
    out.key("delivery_point_city").string(point.city);
}

void write_payment(JsonWriter& out, const store::Order& order) {
    out.key("payment_method").string(order.payment_method);
    out.key("payment_method_id");
    write_optional_id(out, order.payment_method_id);
    out.key("payment_method_cod").integer(order.cod ? 1 : 0);
    out.key("paid").integer(order.paid ? 1 : 0);
    out.key("paid_time").integer(order.paid ? order.paid_time : 0);
    out.key("currency").string(order.currency);
}

void write_delivery(JsonWriter& out, const store::Order& order) {
    out.key("delivery_method").string(order.delivery_method);
    out.key("delivery_method_id");
    write_optional_id(out, order.delivery_method_id);
    out.key("delivery_price").money(order.delivery_price);
    const auto& shipment = order.latest_shipment;
    out.key("delivery_package_nr").string(shipment ? shipment->number : "");
    out.key("delivery_package_module").string(shipment ? shipment->carrier : "");
}

// A free line (no catalogue product) is id "" and variant "0", as BaseLinker expects.
void write_line(JsonWriter& out, const store::OrderLine& line) {
    out.begin_object();
    out.key("id");
    write_optional_id(out, line.product_id);
    out.key("variant_id").id(line.product_id ? line.variant_id : 0);
    out.key("name").string(line.name);
    out.key("sku").string(line.sku);
    out.key("ean").string(line.ean);
    out.key("quantity").integer(line.quantity);
    out.key("price").money(line.unit_price);
    out.key("tax").scaled(line.tax_rate_bp, 2);
    out.key("weight").number(line.weight_kg);
    out.key("attributes").begin_array();
    for (const auto& attribute : line.attributes) {
        out.begin_object();
        out.key("name").string(attribute.name);
        out.key("value").string(attribute.value);
        out.key("price").money(attribute.price);
        out.end_object();
    }
    out.end_array();
    out.end_object();
}

void write_order(JsonWriter& out, const store::Order& order) {
    out.key(order.id).begin_object();
    write_address(out, "delivery_", order.delivery, nullptr);
    write_address(out, "invoice_", order.invoice, &order.invoice_nip);
    out.key("want_invoice").integer(order.want_invoice ? 1 : 0);
    write_point(out, order.point);
    out.key("phone").string(order.phone);
    out.key("email").string(order.email);
    out.key("date_add").integer(order.date_add);
    out.key("status_id").id(order.status_id);
    write_payment(out, order);
    write_delivery(out, order);
    out.key("user_comments").string(order.user_comments);
    out.key("admin_comments").string(order.admin_comments);
    out.key("products").begin_array();
    for (const auto& line : order.lines) write_line(out, line);
    out.end_array();
    out.end_object();
}

// time_from, id_from, only_paid, order_id (alone); a bad value is an error, never "no filter".
core::Result<store::OrderQuery> read_query(const Params& params) {
    store::OrderQuery query;
    auto order_id = optional_int_field(params, "order_id");
    if (!order_id) return order_id.status();
    if (*order_id) {
        query.order_id = **order_id;
        return query;
    }
    auto time_from = optional_int_field(params, "time_from");
    if (!time_from) return time_from.status();
    query.time_from = *time_from;
    auto id_from = optional_int_field(params, "id_from");
    if (!id_from) return id_from.status();
    query.id_from = *id_from;
    query.only_paid = params.flag("only_paid").value_or(false);
    return query;
}

}  // namespace

Outcome orders_get(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto query = read_query(params);
    if (!query) return query.status();
    const auto page_size = ctx.settings.orders.page_size;
    // order_id names one order: the page number is irrelevant then.
    const auto slice = page_slice(query->order_id ? 1 : params.page(), page_size);
    const auto page = slice ? ctx.store.orders().orders_page(*query, *slice) : store::OrderPage{};
    if (page.orders.empty()) {
        write_empty(out);  // no match, an unknown order_id, or a page past the end
        return {};
    }
    out.begin_object();
    for (const auto& order : page.orders) write_order(out, order);
    out.key("pages").integer(page_count(page.total, page_size));
    out.end_object();
    return {};
}

}  // namespace protocol::actions
