#pragma once
// The handlers behind product_routes() (Products.cpp lists the routes). One file per idea:
// reading (Products.cpp), saving a product record (ProductsSave.cpp), stock and price
// (ProductsStockPrice.cpp), category and manufacturer lists (CatalogLists.cpp).
#include "admin/api/Call.h"

namespace admin::api::products {

core::WebResponse list(Call& call);               // GET /products
core::WebResponse detail(Call& call);             // GET /products/{id}
core::WebResponse create(Call& call);             // POST /products
core::WebResponse replace(Call& call);            // PUT /products/{id}
core::WebResponse set_stock(Call& call);          // PUT /products/{id}/stock
core::WebResponse set_variant_stock(Call& call);  // PUT /products/{id}/variants/{vid}/stock
core::WebResponse set_price(Call& call);          // PUT /products/{id}/price
core::WebResponse set_variant_price(Call& call);  // PUT /products/{id}/variants/{vid}/price
core::WebResponse categories(Call& call);         // GET /categories
core::WebResponse manufacturers(Call& call);      // GET /manufacturers

}  // namespace admin::api::products
