#include "admin/api/ProductJson.h"

#include "admin/api/Json.h"
#include "core/Decimal.h"

namespace admin::api {
namespace {

void write_images(wire::JsonWriter& out, const std::vector<std::string>& images) {
    out.key("images").begin_array();
    for (const auto& url : images) out.string(url);
    out.end_array();
}

void write_features(wire::JsonWriter& out, const std::vector<store::Feature>& features) {
    out.key("features").begin_array();
    for (const auto& f : features) {
        out.begin_object().key("name").string(f.name).key("value").string(f.value).end_object();
    }
    out.end_array();
}

void write_variant(wire::JsonWriter& out, const store::VariantDetail& v) {
    out.begin_object();
    out.key("id").integer(v.id);
    out.key("name").string(v.name);
    out.key("sku").string(v.sku);
    out.key("ean").string(v.ean);
    out.key("price");
    write_money(out, v.price);
    out.key("quantity").integer(v.quantity);
    write_images(out, v.images);
    write_features(out, v.features);
    out.end_object();
}

void write_codes_and_stock(wire::JsonWriter& out, const store::ProductDetail& p) {
    out.key("id").integer(p.id);
    out.key("external_id").string(p.external_id);
    out.key("name").string(p.name);
    out.key("sku").string(p.sku);
    out.key("ean").string(p.ean);
    out.key("model").string(p.model);
    out.key("quantity").integer(p.quantity);
    out.key("price");
    write_money(out, p.price);
    out.key("tax_rate").string(core::format_scaled(p.tax_rate_bp, 2));
}

void write_measures(wire::JsonWriter& out, const store::ProductDetail& p) {
    out.key("weight_kg").number(p.weight_kg);
    out.key("height_cm").number(p.height_cm);
    out.key("width_cm").number(p.width_cm);
    out.key("length_cm").number(p.length_cm);
}

// The import file's description keys, so that a product read here can be sent back with PUT.
void write_descriptions(wire::JsonWriter& out, const store::ProductDetail& p) {
    out.key("description").string(p.description);
    out.key("short_description").string(p.description_extra[0]);
    out.key("description_extra2").string(p.description_extra[1]);
    out.key("description_extra3").string(p.description_extra[2]);
    out.key("description_extra4").string(p.description_extra[3]);
}

void write_placement(wire::JsonWriter& out, const store::ProductDetail& p) {
    out.key("manufacturer").string(p.manufacturer_name);
    out.key("category");
    if (p.category_id) {
        out.begin_object().key("id").integer(*p.category_id);
        out.key("path").string(p.category_path).end_object();
    } else {
        out.null();
    }
    out.key("active").boolean(p.active);
    out.key("url").string(p.url);
    out.key("location").string(p.location);
}

}  // namespace

void write_product_row(wire::JsonWriter& out, const store::ProductListRow& row) {
    out.begin_object();
    out.key("id").integer(row.id);
    out.key("name").string(row.name);
    out.key("sku").string(row.sku);
    out.key("ean").string(row.ean);
    out.key("quantity").integer(row.quantity);
    out.key("price");
    write_money(out, row.price);
    out.end_object();
}

void write_product_detail(wire::JsonWriter& out, const store::ProductDetail& p) {
    out.begin_object();
    write_codes_and_stock(out, p);
    write_measures(out, p);
    write_descriptions(out, p);
    write_placement(out, p);
    write_images(out, p.images);
    write_features(out, p.features);
    out.key("variants").begin_array();
    for (const auto& v : p.variants) write_variant(out, v);
    out.end_array();
    out.end_object();
}

}  // namespace admin::api
