#pragma once
// The handlers behind order_routes() (Orders.cpp lists the routes): reading (Orders.cpp), the
// storefront order (OrdersCreate.cpp), staff changes (OrdersWrite.cpp), and the order inbox
// (OrdersHeld.cpp).
#include "admin/api/Call.h"

namespace admin::api::orders {

core::WebResponse list(Call& call);          // GET /orders
core::WebResponse detail(Call& call);        // GET /orders/{id}
core::WebResponse create(Call& call);        // POST /orders
core::WebResponse set_status(Call& call);    // PUT /orders/{id}/status
core::WebResponse add_shipment(Call& call);  // POST /orders/{id}/shipments
core::WebResponse set_paid(Call& call);      // PUT /orders/{id}/paid
core::WebResponse add_comment(Call& call);   // POST /orders/{id}/comments
core::WebResponse correct_line(Call& call);  // POST /orders/{id}/lines/{line}
core::WebResponse release(Call& call);       // POST /orders/{id}/release

}  // namespace admin::api::orders
