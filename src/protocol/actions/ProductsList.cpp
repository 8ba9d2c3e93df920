// ProductsList: base products matching the filters, one page (or an offset,count slice).
// Every filter value reaches the store as a typed value; nothing here is ever pasted into SQL.
#include <optional>

#include "core/Decimal.h"
#include "core/Text.h"
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

constexpr std::int64_t kMaxLimit = 10000;
constexpr const char* kSortHelp = "expected '<id|name|quantity|price> [ASC|DESC]'";
constexpr const char* kLimitHelp = "expected 'N' (1-10000) or 'offset,count'";

// An optional integer field: nullopt when empty, error when not an integer.
core::Result<std::optional<std::int64_t>> optional_int(const Params& params,
                                                       std::string_view name) {
    const auto text = core::trim(params.text(name));
    if (text.empty()) return std::optional<std::int64_t>{};
    if (auto value = core::parse_int(text)) return std::optional<std::int64_t>{*value};
    return core::invalid_parameter(std::string(name), "expected an integer");
}

core::Result<std::optional<core::Money>> optional_money(const Params& params,
                                                        std::string_view name) {
    const auto text = core::trim(params.text(name));
    if (text.empty()) return std::optional<core::Money>{};
    if (auto value = core::Money::parse(text)) return std::optional<core::Money>{*value};
    return core::invalid_parameter(std::string(name), "expected a decimal amount");
}

// `<field> [ASC|DESC]`, case-insensitive, from a whitelist.
core::Status parse_sort(std::string_view text, store::ProductFilter& filter) {
    const auto words = core::split_list(core::trim(text), ' ');
    if (words.empty()) return {};  // default: id ASC
    const auto error = core::invalid_parameter("filter_sort", kSortHelp);
    if (words.size() > 2) return error;
    const auto field = core::ascii_lower(words[0]);
    if (field == "id") {
        filter.sort = store::SortField::Id;
    } else if (field == "name") {
        filter.sort = store::SortField::Name;
    } else if (field == "quantity") {
        filter.sort = store::SortField::Quantity;
    } else if (field == "price") {
        filter.sort = store::SortField::Price;
    } else {
        return error;
    }
    const auto direction = words.size() == 2 ? core::ascii_lower(words[1]) : "asc";
    if (direction != "asc" && direction != "desc") return error;
    filter.descending = direction == "desc";
    return {};
}

// category_id, filter_id, filter_ids_list.
core::Status parse_ids(const Params& params, store::ProductFilter& filter) {
    const auto category = core::trim(params.text("category_id"));
    if (!category.empty() && core::ascii_lower(category) != "all") {
        auto id = core::parse_int(category);
        if (!id) return core::invalid_parameter("category_id", "expected a category id or 'all'");
        filter.category_id = *id;
    }
    auto id = optional_int(params, "filter_id");
    if (!id) return id.status();
    filter.id = *id;
    auto ids = params.id_list("filter_ids_list");
    if (!ids) return ids.status();
    if (!ids->empty()) filter.ids = std::move(*ids);  // only separators = not given
    return {};
}

// filter_ean, filter_sku (exact), filter_name (case-folded substring): any text is valid.
void set_text_filters(const Params& params, store::ProductFilter& filter) {
    if (params.has_value("filter_ean")) filter.ean = std::string(params.text("filter_ean"));
    if (params.has_value("filter_sku")) filter.sku = std::string(params.text("filter_sku"));
    if (params.has_value("filter_name")) {
        filter.name_folded = core::fold_case(params.text("filter_name"));
    }
}

// Price and quantity bounds, availability.
core::Status parse_bounds(const Params& params, store::ProductFilter& filter) {
    for (auto [name, bound] : {std::pair{"filter_price_from", &filter.price_from},
                               std::pair{"filter_price_to", &filter.price_to}}) {
        auto value = optional_money(params, name);
        if (!value) return value.status();
        *bound = *value;
    }
    for (auto [name, bound] : {std::pair{"filter_quantity_from", &filter.quantity_from},
                               std::pair{"filter_quantity_to", &filter.quantity_to}}) {
        auto value = optional_int(params, name);
        if (!value) return value.status();
        *bound = *value;
    }
    filter.active = params.flag("filter_available");
    return {};
}

// Every filter from the request; the first bad field is the error.
core::Result<store::ProductFilter> parse_filter(const Params& params) {
    store::ProductFilter filter;
    if (auto status = parse_ids(params, filter); !status.ok()) return status;
    set_text_filters(params, filter);
    if (auto status = parse_bounds(params, filter); !status.ok()) return status;
    if (auto status = parse_sort(params.text("filter_sort"), filter); !status.ok()) return status;
    return filter;
}

struct Window {
    store::Slice slice;
    bool paged = true;  // false for the offset,count form: no "pages" in the answer
    bool past_end = false;
};

// filter_limit `N` (page size for this call) or `offset,count`; page applies to the first form.
core::Result<Window> parse_window(const Params& params, std::int64_t default_size) {
    const auto text = core::trim(params.text("filter_limit"));
    const auto error = core::invalid_parameter("filter_limit", kLimitHelp);
    std::int64_t size = default_size;
    if (const auto comma = text.find(','); comma != std::string_view::npos) {
        auto offset = core::parse_int(core::trim(text.substr(0, comma)));
        auto count = core::parse_int(core::trim(text.substr(comma + 1)));
        if (!offset || !count || *offset < 0 || *count < 1 || *count > kMaxLimit) return error;
        return Window{store::Slice{*offset, *count}, false, false};
    }
    if (!text.empty()) {
        auto n = core::parse_int(text);
        if (!n || *n < 1 || *n > kMaxLimit) return error;
        size = *n;
    }
    if (auto slice = page_slice(params.page(), size)) return Window{*slice, true, false};
    return Window{store::Slice{0, size}, true, true};
}

void write_rows(JsonWriter& out, const store::ProductListPage& page, const Window& window) {
    out.begin_object();
    for (const auto& row : page.rows) {
        out.key(row.id).begin_object();
        out.key("name").string(row.name);
        out.key("quantity").integer(row.quantity);
        out.key("price").money(row.price);
        out.key("ean").string(row.ean);
        out.key("sku").string(row.sku);
        out.end_object();
    }
    if (window.paged) out.key("pages").integer(page_count(page.total, window.slice.limit));
    out.end_object();
}

}  // namespace

Outcome products_list(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto filter = parse_filter(params);
    if (!filter) return filter.status();
    auto window = parse_window(params, ctx.settings.page_size_products);
    if (!window) return window.status();
    if (window->past_end) {
        write_empty(out);
        return {};
    }
    const auto page = ctx.store.catalog().list_products(*filter, window->slice);
    if (page.rows.empty()) {
        write_empty(out);  // no match, or a page past the end
        return {};
    }
    write_rows(out, page, *window);
    return {};
}

}  // namespace protocol::actions
