// Helpers shared by several actions (see Common.h).
#include "protocol/actions/Common.h"

#include <algorithm>
#include <limits>

#include "core/Decimal.h"
#include "core/PhpValue.h"
#include "core/Text.h"
#include "wire/Form.h"

namespace protocol::actions {

void write_named_ids(JsonWriter& out, const std::vector<store::NamedId>& rows) {
    if (rows.empty()) return write_empty(out);
    out.begin_object();
    for (const auto& row : rows) out.key(row.id).string(row.name);
    out.end_object();
}

static bool is_absolute(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//");
}

std::string absolute_url(const ConnectorSettings& settings, std::string_view url) {
    if (url.empty() || settings.base_url.empty() || is_absolute(url)) return std::string(url);
    std::string result = settings.base_url;
    const bool base_slash = result.ends_with('/');
    const bool url_slash = url.starts_with('/');
    if (base_slash && url_slash) {
        result.pop_back();
    } else if (!base_slash && !url_slash) {
        result += '/';
    }
    result += url;
    return result;
}

std::optional<store::Slice> page_slice(std::int64_t page, std::int64_t page_size) {
    const std::int64_t before = std::max<std::int64_t>(page, 1) - 1;
    if (page_size <= 0 || before > std::numeric_limits<std::int64_t>::max() / page_size) {
        return std::nullopt;
    }
    return store::Slice{before * page_size, page_size};
}

core::Result<std::optional<std::int64_t>> optional_int_field(const Params& params,
                                                             std::string_view name) {
    const auto text = core::php::trim(params.text(name));
    if (text.empty()) return std::optional<std::int64_t>{};
    if (auto value = core::parse_int(text)) return std::optional<std::int64_t>{*value};
    // What PHP's is_numeric reads as an integral value (2.0, "5.00", 2e0) is that integer.
    if (auto value = core::php::integer(text)) return std::optional<std::int64_t>{*value};
    return core::invalid_parameter(std::string(name), "expected an integer");
}

std::optional<std::int64_t> lenient_int(std::string_view text, std::string_view what,
                                        wire::Notes& normalised) {
    const auto trimmed = core::php::trim(text);
    if (auto value = core::parse_int(trimmed)) return value;
    auto value = core::php::integer(trimmed);
    if (value) {
        normalised.push_back(std::string(what) + ": \"" + std::string(trimmed) + "\" read as " +
                             std::to_string(*value));
    }
    return value;
}

std::optional<core::Money> lenient_money(std::string_view text, std::string_view what,
                                         wire::Notes& normalised) {
    const auto trimmed = core::php::trim(text);
    if (auto money = core::Money::parse(trimmed)) return money;
    auto scaled = core::php::scaled(trimmed, 2);
    if (!scaled) return std::nullopt;
    const auto money = core::Money::from_minor(scaled->value);
    normalised.push_back(std::string(what) + ": \"" + std::string(trimmed) + "\" " +
                         (scaled->rounded ? "rounded to " : "read as ") + money.format());
    return money;
}

void write_normalised(JsonWriter& out, const wire::Notes& normalised) {
    if (normalised.empty()) return;
    out.key("normalised").begin_array();
    for (const auto& note : normalised) out.string(note);
    out.end_array();
}

std::string entry_field(std::size_t index, std::string_view field) {
    return "entry " + std::to_string(index) + " " + std::string(field);
}

std::int64_t page_count(std::int64_t total, std::int64_t page_size) {
    if (total <= 0 || page_size <= 0) return 1;
    return (total - 1) / page_size + 1;
}

core::Result<std::vector<wire::RawEntry>> products_entries(const Params& params,
                                                           wire::Notes& normalised) {
    // The JSON-string form is what BaseLinker sends; the bracket form appears in its own docs.
    if (auto json = params.get("products"); json && !json->empty()) {
        return wire::parse_products_field(*json, "products", &normalised);
    }
    if (auto json = wire::bracket_field_as_json(params.form(), "products")) {
        return wire::parse_products_field(*json, "products");
    }
    return core::invalid_parameter("products", "missing");
}

std::string batch_detail(std::size_t entries, const store::GuardedResult& guarded,
                         std::vector<store::EntryNote> notes, const wire::Notes& normalised) {
    const store::BatchResult& result = guarded.result;
    notes.insert(notes.end(), result.notes.begin(), result.notes.end());
    std::stable_sort(notes.begin(), notes.end(),
                     [](const auto& a, const auto& b) { return a.entry < b.entry; });
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.key("entries").integer(static_cast<std::int64_t>(entries));
    out.key("applied").integer(result.applied);
    if (guarded.held) {
        out.key("held").begin_object();
        out.key("id").integer(guarded.held->id);
        out.key("rule").string(guarded.held->rule);
        out.key("summary").string(guarded.held->summary);
        out.key("resends").integer(guarded.held->resends);
        out.end_object();
    }
    out.key("notes").begin_array();
    for (const auto& note : notes) {
        out.begin_object();
        out.key("entry").integer(static_cast<std::int64_t>(note.entry));
        out.key("status").string(note.applied ? "applied" : "skipped");
        out.key("reason").string(note.reason);
        out.end_object();
    }
    out.end_array();
    write_normalised(out, normalised);
    out.end_object();
    return text;
}

core::Status held_status(const store::HeldBatch& held) {
    return {core::Code::Held,
            {},
            "mass change held: " + held.summary + " (held change " + std::to_string(held.id) +
                "); nothing was applied, staff must approve it in the shop's panel"};
}

template <class Change>
core::Status read_target(const wire::RawEntry& raw, Change& change, wire::Notes& normalised) {
    const std::size_t entry = change.entry;
    auto product_id = lenient_int(raw.product_id, entry_field(entry, "product_id"), normalised);
    if (!product_id || *product_id <= 0) {
        return core::invalid_parameter("product_id", "expected a product id");
    }
    change.product_id = *product_id;
    const auto variant_text = core::php::trim(raw.variant_id);
    auto variant_id = variant_text.empty()
                          ? std::optional<std::int64_t>{0}
                          : lenient_int(variant_text, entry_field(entry, "variant_id"), normalised);
    if (!variant_id || *variant_id < 0) {
        return core::invalid_parameter("variant_id", "expected a variant id");
    }
    change.variant_id = *variant_id;
    return {};
}

template core::Status read_target(const wire::RawEntry&, store::StockChange&, wire::Notes&);
template core::Status read_target(const wire::RawEntry&, store::PriceChange&, wire::Notes&);

}  // namespace protocol::actions
