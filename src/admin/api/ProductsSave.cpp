// POST /products and PUT /products/{id}: the body is one product record of the import file
// (docs/import.md), read by the import file's own parser and written by the store's import rules,
// so a product saved here is exactly what `blconnect import` would have made of it.
#include <array>
#include <utility>

#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/ProductHandlers.h"
#include "records/ImportFile.h"
#include "records/JsonRecord.h"

namespace admin::api::products {
namespace {

// The record as the import file reads it; its field errors name the field as a path.
store::ImportProduct read_body(const Call& call) {
    check_json_body(call.request.body);
    try {
        return records::parse_import_product(call.request.body);
    } catch (const records::JsonFieldError& e) {
        if (e.field.empty()) throw ApiError(400, "invalid_json", e.reason);
        throw invalid_field(e.field, e.reason);
    }
}

// ImportError's what() is "products record 1: <reason>"; clients want the reason alone.
std::string reason_of(const store::ImportError& e) {
    std::string_view text = e.what();
    const auto colon = text.find(": ");
    return std::string(colon == std::string_view::npos ? text : text.substr(colon + 2));
}

// The field a store-side reason is about (the record parser has already checked types).
std::string field_of(const std::string& reason) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kPrefixes{{
        {"unknown category", "category"},
        {"sku ", "sku"},
        {"external_id ", "id"},
        {"missing name", "name"},
        {"missing both external_id and sku", "id"},
        {"negative price", "price"},
        {"negative promo_price", "promo_price"},
        {"negative stock", "stock"},
        {"negative tax rate", "tax"},
    }};
    for (const auto& [prefix, field] : kPrefixes) {
        if (reason.starts_with(prefix)) return std::string(field);
    }
    if (reason.starts_with("variant ")) {
        const auto end = reason.find_first_not_of("0123456789", 8);
        return "variants[" + reason.substr(8, end - 8) + "]";
    }
    return "";
}

// A key (external id, SKU) that another product already holds is a conflict, not a bad value:
// "sku X already used by product 7", or the UNIQUE index's "conflicts with the database (...)".
bool is_conflict(const std::string& reason) {
    return reason.find("already used by") != std::string::npos ||
           reason.find("conflicts with the database") != std::string::npos;
}

store::Id save(Call& call, std::optional<store::Id> id) {
    const auto product = read_body(call);
    try {
        return call.store.catalog().save_product(id, product);
    } catch (const store::ImportError& e) {
        const auto reason = reason_of(e);
        if (is_conflict(reason)) throw ApiError(409, "conflict", reason, field_of(reason));
        throw invalid_field(field_of(reason), reason);
    } catch (const store::NotFoundError&) {
        throw not_found("unknown product " + std::to_string(id.value_or(0)));
    }
}

}  // namespace

core::WebResponse create(Call& call) {
    return id_reply(201, save(call, std::nullopt));
}

core::WebResponse replace(Call& call) {
    return id_reply(200, save(call, path_id(call, 0)));
}

}  // namespace admin::api::products
