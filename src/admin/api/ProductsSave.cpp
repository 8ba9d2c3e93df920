// POST /products and PUT /products/{id}: the body is one product record of the import file
// (docs/import.md), read by the import file's own parser and written by the store's import rules,
// so a product saved here is exactly what `blconnect import` would have made of it.
#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/ProductHandlers.h"
#include "records/ImportFile.h"

namespace admin::api::products {
namespace {

// The record as the import file reads it (its field errors name the field as a path), saved by
// the import's rules (a key another product holds is a conflict, an unknown id not found).
store::Id save(Call& call, std::optional<store::Id> id) {
    check_json_body(call.request.body);
    const auto product = value_or_throw(records::parse_import_product(call.request.body));
    return value_or_throw(call.store.catalog().save_product(id, product));
}

}  // namespace

core::WebResponse create(Call& call) {
    return id_reply(201, save(call, std::nullopt));
}

core::WebResponse replace(Call& call) {
    return id_reply(200, save(call, path_id(call, 0)));
}

}  // namespace admin::api::products
