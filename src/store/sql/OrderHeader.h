#pragma once
// The order header columns that OrderAdd writes (INSERT of a new order, UPDATE of a replaced
// one) and their binding, the same on both backends: parameters 1..37 in the order of the
// column list, 38 = now (unix seconds).
#include <cstdint>

#include "store/OrderTypes.h"

namespace store::sql {

#define BLC_ORDER_HEADER_COLUMNS                                                                \
    "transaction_id, client_login, service_account, delivery_fullname, delivery_company,"       \
    " delivery_address, delivery_city, delivery_postcode, delivery_state_code,"                 \
    " delivery_country, delivery_country_code, invoice_fullname, invoice_company,"              \
    " invoice_address, invoice_city, invoice_postcode, invoice_state_code, invoice_country,"    \
    " invoice_country_code, invoice_nip, want_invoice, point_id, point_name, point_address,"    \
    " point_postcode, point_city, phone, email, currency, delivery_method, delivery_method_id," \
    " delivery_price, payment_method, payment_method_id, cod, paid, user_comments"

template <class Statement>
void bind_order_address(Statement& st, int first, const Address& a) {
    st.bind(first, a.fullname).bind(first + 1, a.company).bind(first + 2, a.address);
    st.bind(first + 3, a.city).bind(first + 4, a.postcode).bind(first + 5, a.state_code);
    st.bind(first + 6, a.country).bind(first + 7, a.country_code);
}

template <class Statement>
void bind_order_header(Statement& st, const OrderInput& o, std::int64_t now) {
    st.bind(1, o.transaction_id).bind(2, o.client_login).bind(3, o.service_account);
    bind_order_address(st, 4, o.delivery);
    bind_order_address(st, 12, o.invoice);
    st.bind(20, o.invoice_nip).bind(21, o.want_invoice);
    st.bind(22, o.point.id).bind(23, o.point.name).bind(24, o.point.address);
    st.bind(25, o.point.postcode).bind(26, o.point.city);
    st.bind(27, o.phone).bind(28, o.email).bind(29, o.currency);
    st.bind(30, o.delivery_method).bind(31, o.delivery_method_id);
    st.bind(32, o.delivery_price.minor());
    st.bind(33, o.payment_method).bind(34, o.payment_method_id).bind(35, o.cod);
    st.bind(36, o.paid).bind(37, o.user_comments).bind(38, now);
}

}  // namespace store::sql
