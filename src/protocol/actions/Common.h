#pragma once
// The few helpers that several actions share. The actions themselves are declared where they
// are registered (Registry.cpp), each defined in its own file.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/Action.h"
#include "store/CatalogTypes.h"
#include "wire/ProductsInput.h"

namespace protocol::actions {

// PHP's json_encode of an empty array: what BaseLinker expects for an empty top-level result.
inline void write_empty(JsonWriter& out) {
    out.begin_array().end_array();
}

// {"<id>": "<name>", ...} in the given order, or [] when empty.
void write_named_ids(JsonWriter& out, const std::vector<store::NamedId>& rows);

// Prefixes a relative URL with settings.base_url (when set); absolute URLs and "" stay as they are.
std::string absolute_url(const ConnectorSettings& settings, std::string_view url);

// The slice of page `page` (1-based) of `page_size` items; nullopt when the offset would overflow
// (such a page is past the end anyway).
std::optional<store::Slice> page_slice(std::int64_t page, std::int64_t page_size);

// An optional integer field: nullopt when empty, an integral value as PHP reads it ("2.0" = 2),
// invalid_parameter naming it otherwise ("2.5" is never truncated).
core::Result<std::optional<std::int64_t>> optional_int_field(const Params& params,
                                                             std::string_view name);

// Lenient readers of what BaseLinker's PHP sends (core/PhpValue.h). A value our strict reader
// takes is returned as is; one that only PHP's rules read ("2.0", "5.00", "1e2", "12.345") is
// returned with a note in `normalised` naming `what` ("line 2 quantity"): "read as 2", "rounded
// to 12.35". Nullopt when PHP would not read a number there either.
std::optional<std::int64_t> lenient_int(std::string_view text, std::string_view what,
                                        wire::Notes& normalised);
std::optional<core::Money> lenient_money(std::string_view text, std::string_view what,
                                         wire::Notes& normalised);
// {"normalised": [...]} member of a journal detail, written only when there is a note.
void write_normalised(JsonWriter& out, const wire::Notes& normalised);

// Total pages for `total` items, at least 1.
std::int64_t page_count(std::int64_t total, std::int64_t page_size);

// The `products` field of the *Update actions: the JSON-string form (an array, or an object of
// entries, noted), or the PHP bracket form.
core::Result<std::vector<wire::RawEntry>> products_entries(const Params& params,
                                                           wire::Notes& normalised);

// Journal detail of an update batch: {"entries":N,"applied":N,"notes":[{"entry":i,
// "status":"skipped"|"applied","reason":"..."}...],"normalised":[...]} with the notes ordered by
// entry index ("normalised" only when something was), and "held":{"id","rule","summary",
// "resends"} after "applied" when the guard held the batch.
std::string batch_detail(std::size_t entries, const store::GuardedResult& guarded,
                         std::vector<store::EntryNote> notes, const wire::Notes& normalised);

// The answer to a batch the mass-change guard held (error_code mass_change_held).
core::Status held_status(const store::HeldBatch& held);

// The shared body of ProductsQuantity / ProductsPrices: one page of products by id, each
// {"0": <product value>, "<variant_id>": <value>...}, then "pages"; [] past the end.
// `read_page(slice)` returns a store::RowPage (rows with product_id, a product value and
// `variants` pairs, and the product count of the same snapshot); `write_value(out, value)` writes
// one value (stock as an integer, a price as money).
template <class ReadPage, class WriteValue, class ProductValue>
Outcome write_variant_page(const Params& params, ActionContext& ctx, JsonWriter& out,
                           ReadPage read_page, ProductValue product_value, WriteValue write_value) {
    const auto page_size = ctx.settings.page_size_stock;
    const auto slice = page_slice(params.page(), page_size);
    const auto page = slice ? read_page(*slice) : decltype(read_page(*slice)){};
    if (page.rows.empty()) {
        write_empty(out);  // no products, or a page past the end
        return {};
    }
    out.begin_object();
    for (const auto& row : page.rows) {
        out.key(row.product_id).begin_object();
        write_value(out.key(0), product_value(row));  // key "0": the product itself
        for (const auto& [variant_id, value] : row.variants)
            write_value(out.key(variant_id), value);
        out.end_object();
    }
    out.key("pages").integer(page_count(page.total, page_size));
    out.end_object();
    return {};
}

// product_id (> 0) and variant_id (missing = 0) of an update entry into `change`; the reason to
// skip the entry (naming the field) when either is not an id. Ids PHP would read ("12.0") are
// taken and noted.
template <class Change>
core::Status read_target(const wire::RawEntry& raw, Change& change, wire::Notes& normalised);

// "entry 3 quantity": how notes name a field of an update entry (counted from 0, as the
// journal's entry numbers are).
std::string entry_field(std::size_t index, std::string_view field);

// The shared body of the *Update actions: validates each entry (`validate(raw, index,
// normalised)` returns a core::Result<Change>: the change, or the reason to skip it), hands the
// valid ones to the store in one call through the mass-change guard (`submit(changes)` returns a
// store::GuardedResult), journals the skipped, noted and normalised entries and writes
// {"counter": applied} — or, when the guard held the batch, answers mass_change_held (nothing
// applied).
template <class Change, class Validate, class Submit>
Outcome run_update_batch(const Params& params, ActionContext& ctx, JsonWriter& out,
                         Validate validate, Submit submit) {
    wire::Notes normalised;
    auto entries = products_entries(params, normalised);
    if (!entries) return entries.status();
    std::vector<Change> changes;
    std::vector<store::EntryNote> skipped;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        core::Result<Change> checked = validate((*entries)[i], i, normalised);
        if (checked) {
            changes.push_back(*checked);
        } else {
            skipped.push_back({i, false, checked.status().text()});
        }
    }
    const store::GuardedResult result = submit(changes);
    ctx.journal_detail = batch_detail(entries->size(), result, std::move(skipped), normalised);
    if (result.held) return held_status(*result.held);
    out.begin_object().key("counter").integer(result.result.applied).end_object();
    return {};
}

}  // namespace protocol::actions
