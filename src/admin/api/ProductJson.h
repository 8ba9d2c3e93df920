#pragma once
// Products as the admin API shows them (docs/admin-api.md "Products"): ids as numbers, money as
// "12.34" strings, the tax rate as a decimal string ("23", "5.5").
#include "store/CatalogTypes.h"
#include "wire/JsonWriter.h"

namespace admin::api {

// {"id","name","sku","ean","quantity","price"}: one item of GET /products.
void write_product_row(wire::JsonWriter& out, const store::ProductListRow& row);
// Every field of GET /products/{id}, variants included.
void write_product_detail(wire::JsonWriter& out, const store::ProductDetail& product);

}  // namespace admin::api
