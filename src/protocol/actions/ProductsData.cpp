// ProductsData: full details of the requested products, in the order requested.
#include <algorithm>
#include <unordered_set>

#include "core/Text.h"
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

// Top-level keys the caller asked for (`fields`); empty = all of them.
class FieldSet {
  public:
    explicit FieldSet(std::string_view list) {
        for (auto name : core::split_list(list)) names_.emplace(name);
    }
    bool wants(std::string_view key) const {
        return names_.empty() || names_.contains(std::string(key));
    }

  private:
    std::unordered_set<std::string> names_;
};

// [["Name","v1|v2"], ...]: repeated names are merged, in order of first appearance.
void write_features(JsonWriter& out, const std::vector<store::Feature>& features) {
    std::vector<std::pair<std::string, std::string>> merged;
    for (const auto& feature : features) {
        auto it = std::find_if(merged.begin(), merged.end(),
                               [&](const auto& m) { return m.first == feature.name; });
        if (it == merged.end()) {
            merged.emplace_back(feature.name, feature.value);
        } else {
            it->second += '|';
            it->second += feature.value;
        }
    }
    out.begin_array();
    for (const auto& [name, value] : merged)
        out.begin_array().string(name).string(value).end_array();
    out.end_array();
}

void write_images(JsonWriter& out, const ConnectorSettings& settings,
                  const std::vector<std::string>& images) {
    out.begin_array();
    for (const auto& url : images) out.string(absolute_url(settings, url));
    out.end_array();
}

void write_variants(JsonWriter& out, const ConnectorSettings& settings,
                    const store::ProductDetail& product) {
    if (product.variants.empty()) return write_empty(out);
    out.begin_object();
    for (const auto& variant : product.variants) {
        out.key(variant.id).begin_object();
        out.key("full_name")
            .string(variant.name.empty() ? product.name : product.name + " " + variant.name);
        out.key("name").string(variant.name);
        out.key("price").money(variant.price);
        out.key("quantity").integer(variant.quantity);
        out.key("sku").string(variant.sku);
        out.key("ean").string(variant.ean);
        out.key("images");
        write_images(out, settings, variant.images);
        out.key("features");
        write_features(out, variant.features);
        out.end_object();
    }
    out.end_object();
}

void write_base(JsonWriter& out, const ConnectorSettings& settings, const FieldSet& fields,
                const store::ProductDetail& p) {
    auto text = [&](const char* key, std::string_view value) {
        if (fields.wants(key)) out.key(key).string(value);
    };
    auto number = [&](const char* key, double value) {
        if (fields.wants(key)) out.key(key).number(value);
    };
    text("name", p.name);
    text("sku", p.sku);
    text("ean", p.ean);
    text("model", p.model);
    if (fields.wants("quantity")) out.key("quantity").integer(p.quantity);
    if (fields.wants("price")) out.key("price").money(p.price);
    text("currency", settings.currency);
    if (fields.wants("tax")) out.key("tax").scaled(p.tax_rate_bp, 2);
    number("weight", p.weight_kg);
    number("height", p.height_cm);
    number("width", p.width_cm);
    number("length", p.length_cm);
    text("description", p.description);
    text("description_extra1", p.description_extra[0]);
    text("description_extra2", p.description_extra[1]);
    text("description_extra3", p.description_extra[2]);
    text("description_extra4", p.description_extra[3]);
    text("man_name", p.manufacturer_name);
    text("man_image", absolute_url(settings, p.manufacturer_logo));
    // The nearest listed category (§2.5): always a key of ProductsCategories, or "" for none.
    const auto& category = p.listed_category_id;
    text("category_id", category ? std::to_string(*category) : "");
    text("category_name", p.listed_category_path);
    text("location", p.location);
    text("url", absolute_url(settings, p.url));
}

void write_product(JsonWriter& out, const ConnectorSettings& settings, const FieldSet& fields,
                   bool only_images, const store::ProductDetail& p) {
    out.key(p.id).begin_object();
    if (!only_images) write_base(out, settings, fields, p);
    if (only_images || fields.wants("images")) {
        out.key("images");
        write_images(out, settings, p.images);
    }
    if (!only_images && fields.wants("features")) {
        out.key("features");
        write_features(out, p.features);
    }
    if (!only_images && fields.wants("variants")) {
        out.key("variants");
        write_variants(out, settings, p);
    }
    out.end_object();
}

}  // namespace

Outcome products_data(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto ids =
        params.id_list("products_id", static_cast<std::size_t>(ctx.settings.max_products_data_ids));
    if (!ids) return ids.status();
    const bool images_only = params.flag("only_images").value_or(false);
    const FieldSet fields(params.text("fields"));

    // Load only what will be written: features and variants are whole extra queries.
    store::DetailParts parts;
    parts.images = images_only || fields.wants("images");
    parts.features = !images_only && fields.wants("features");
    parts.variants = !images_only && fields.wants("variants");
    const auto products = ctx.store.catalog().product_details(*ids, parts);
    if (products.empty()) {
        write_empty(out);
        return {};
    }
    out.begin_object();
    for (const auto& product : products) {
        write_product(out, ctx.settings, fields, images_only, product);
    }
    out.end_object();
    return {};
}

}  // namespace protocol::actions
