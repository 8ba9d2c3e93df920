// The JSON import file (docs/import.md) -> store::ImportBatch. Strict: an unknown key, a wrong
// type or a price with more than two decimals names its section and record, and nothing is
// imported.
#include "records/ImportFile.h"

#include "records/JsonRecord.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <stdexcept>

#include <boost/json.hpp>

#include "core/Decimal.h"
#include "store/Store.h"

namespace records {
namespace {

namespace json = boost::json;

// A bad record of a section; caught by parse_import_file, never leaves this file.
struct BadRecord {
    std::string section;
    std::int64_t record;
    std::string reason;
};

// A problem inside one record; the caller adds section and record number.
using RecordError = JsonFieldError;

[[noreturn]] void bad(const std::string& key, const std::string& what) {
    throw RecordError(key, what);
}

// One record of the import file: the shared strict reader plus what only catalogue records have
// (dimensions, image lists, feature pairs).
class Record : public JsonRecord {
  public:
    Record(const wire::JsonDocument& doc, const json::value& v,
           std::initializer_list<std::string_view> known)
        : JsonRecord(doc, v, "", known) {}

    std::optional<core::Money> money(std::string_view key) const {
        auto parsed = JsonRecord::money(key);
        if (parsed && parsed->minor() < 0) fail(key, "must not be negative");
        return parsed;
    }

    std::int64_t integer(std::string_view key, std::int64_t fallback) const {
        return JsonRecord::integer(key).value_or(fallback);
    }

    double measure(std::string_view key) const {
        const auto* v = find(key);
        if (v == nullptr) return 0;
        double value = 0;
        std::string_view s;
        if (auto number = document().number_text(*v)) {
            s = *number;
        } else if (v->is_string()) {
            s = v->get_string();
        } else {
            bad(std::string(key), "expected a number");
        }
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc() || end != s.data() + s.size()) bad(std::string(key), "not a number");
        if (!std::isfinite(value) || value < 0) bad(std::string(key), "must be 0 or more");
        return value;
    }

    std::vector<std::string> strings(std::string_view key) const {
        std::vector<std::string> out;
        const auto* v = find(key);
        if (v == nullptr) return out;
        if (!v->is_array()) bad(std::string(key), "expected an array of strings");
        for (const auto& element : v->get_array()) {
            if (!element.is_string()) bad(std::string(key), "expected an array of strings");
            out.emplace_back(element.get_string());
        }
        return out;
    }

    std::vector<store::Feature> features(std::string_view key) const {
        std::vector<store::Feature> out;
        const auto* v = find(key);
        if (v == nullptr) return out;
        auto fail = [&] {
            bad(std::string(key), "expected an array of [\"name\", \"value\"] pairs");
        };
        if (!v->is_array()) fail();
        for (const auto& pair : v->get_array()) {
            if (!pair.is_array() || pair.get_array().size() != 2) fail();
            const auto& name = pair.get_array()[0];
            const auto& value = pair.get_array()[1];
            if (!name.is_string()) fail();
            out.push_back({std::string(name.get_string()),
                           value.is_string()
                               ? std::string(value.get_string())
                               : json_decimal_text(document(), value, std::string(key))});
        }
        return out;
    }
};

store::ImportCategory read_category(const wire::JsonDocument& doc, const json::value& v) {
    Record r(doc, v, {"id", "parent", "name", "active"});
    return {r.required_text("id"), r.text("parent"), r.required_text("name"),
            r.flag("active", true)};
}

store::ImportManufacturer read_manufacturer(const wire::JsonDocument& doc, const json::value& v) {
    Record r(doc, v, {"name", "logo"});
    return {r.required_text("name"), r.text("logo")};
}

store::ImportVariant read_variant(const wire::JsonDocument& doc, const json::value& v,
                                  core::Money product_price) {
    Record r(doc, v, {"id", "sku", "ean", "name", "price", "stock", "images", "features"});
    store::ImportVariant variant;
    variant.external_id = r.text("id");
    variant.sku = r.text("sku");
    if (variant.external_id.empty() && variant.sku.empty()) bad("id", "id or sku is required");
    variant.ean = r.text("ean");
    variant.name = r.required_text("name");
    variant.price = r.money("price").value_or(product_price);
    variant.stock = r.integer("stock", 0);
    if (variant.stock < 0) bad("stock", "must not be negative");
    variant.images = r.strings("images");
    variant.features = r.features("features");
    return variant;
}

std::int64_t read_tax(const Record& r) {
    const auto* v = r.find("tax");
    if (v == nullptr) return 2300;
    auto bp = core::parse_scaled(json_decimal_text(r.document(), *v, "tax"), 2);
    if (!bp || *bp < 0 || *bp > 10000) bad("tax", "expected a VAT rate in percent, e.g. 23 or 5.5");
    return *bp;
}

// A problem inside variant `n` (1-based). The file names it "variant 2: name: is required"; the
// single-record reader needs the variant's own field and reason to build a path from them.
struct VariantError : RecordError {
    VariantError(std::size_t n, const RecordError& inner)
        : RecordError("variant " + std::to_string(n), inner.what()),
          number(n),
          inner_field(inner.field),
          inner_reason(inner.reason) {}
    std::size_t number;
    std::string inner_field, inner_reason;
};

void read_variants(const Record& r, store::ImportProduct& product) {
    const auto* variants = r.array("variants");
    if (variants == nullptr) return;
    std::size_t n = 0;
    for (const auto& v : *variants) {
        ++n;
        try {
            product.variants.push_back(read_variant(r.document(), v, product.price));
        } catch (const RecordError& e) {
            throw VariantError(n, e);
        }
    }
}

store::ImportProduct read_product(const wire::JsonDocument& doc, const json::value& v) {
    Record r(doc, v,
             {"id",
              "sku",
              "ean",
              "model",
              "name",
              "category",
              "manufacturer",
              "price",
              "promo_price",
              "tax",
              "weight",
              "height",
              "width",
              "length",
              "description",
              "description_short",
              "description_extra2",
              "description_extra3",
              "description_extra4",
              "location",
              "url",
              "active",
              "stock",
              "images",
              "features",
              "variants"});
    store::ImportProduct p;
    p.external_id = r.text("id");
    p.sku = r.text("sku");
    if (p.external_id.empty() && p.sku.empty()) bad("id", "id or sku is required");
    p.ean = r.text("ean");
    p.model = r.text("model");
    p.name = r.required_text("name");
    p.category_external_id = r.text("category");
    p.manufacturer_name = r.text("manufacturer");
    auto price = r.money("price");
    if (!price) bad("price", "is required");
    p.price = *price;
    p.promo_price = r.money("promo_price");
    p.tax_rate_bp = read_tax(r);
    p.weight_kg = r.measure("weight");
    p.height_cm = r.measure("height");
    p.width_cm = r.measure("width");
    p.length_cm = r.measure("length");
    p.description = r.text("description");
    p.description_extra[0] = r.text("description_short");
    p.description_extra[1] = r.text("description_extra2");
    p.description_extra[2] = r.text("description_extra3");
    p.description_extra[3] = r.text("description_extra4");
    p.location = r.text("location");
    p.url = r.text("url");
    p.active = r.flag("active", true);
    p.stock = r.integer("stock", 0);
    if (p.stock < 0) bad("stock", "must not be negative");
    p.images = r.strings("images");
    p.features = r.features("features");
    read_variants(r, p);
    return p;
}

template <class T, class Read>
void read_section(const wire::JsonDocument& doc, const char* section, std::vector<T>& out,
                  Read read) {
    const auto& root = doc.root().get_object();
    const auto* v = root.if_contains(section);
    if (v == nullptr || v->is_null()) return;
    if (!v->is_array()) {
        throw std::runtime_error(std::string("import file: \"") + section + "\" must be an array");
    }
    std::int64_t record = 0;
    for (const auto& element : v->get_array()) {
        ++record;
        try {
            out.push_back(read(doc, element));
        } catch (const RecordError& e) {
            throw BadRecord{section, record, e.what()};
        }
    }
}

store::ImportBatch read_import_file(std::string_view json_text) {
    auto document = wire::JsonDocument::parse(json_text);
    if (!document) throw std::runtime_error("import file: " + document.status().message());
    const json::value& root = document->root();
    if (!root.is_object()) throw std::runtime_error("import file: expected a JSON object");
    for (const auto& member : root.get_object()) {
        auto key = member.key();
        if (key != "categories" && key != "manufacturers" && key != "products") {
            throw std::runtime_error("import file: unknown section \"" + std::string(key) + "\"");
        }
    }
    store::ImportBatch batch;
    read_section(*document, "categories", batch.categories, read_category);
    read_section(*document, "manufacturers", batch.manufacturers, read_manufacturer);
    read_section(*document, "products", batch.products, read_product);
    return batch;
}

}  // namespace

core::Result<store::ImportProduct> parse_import_product(std::string_view json_text) {
    auto document = wire::JsonDocument::parse(json_text);
    if (!document) return document.status();
    try {
        return read_product(*document, document->root());
    } catch (const VariantError& e) {
        std::string path = "variants[" + std::to_string(e.number) + "]";
        if (!e.inner_field.empty()) path += "." + e.inner_field;
        return core::Status::invalid_field(std::move(path), e.inner_reason);
    } catch (const RecordError& e) {
        if (e.field.empty()) return core::Status::malformed(e.reason);
        return core::Status::invalid_field(e.field, e.reason);
    }
}

core::Result<store::ImportBatch> parse_import_file(std::string_view json_text) {
    try {
        return read_import_file(json_text);
    } catch (const BadRecord& e) {
        return core::Status::invalid_field(e.section + " record " + std::to_string(e.record),
                                           e.reason);
    } catch (const std::runtime_error& e) {  // the file's shape (not JSON, not sections)
        return core::Status::malformed(e.what());
    }
}

}  // namespace records
