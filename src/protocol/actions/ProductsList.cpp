// ProductsList: base products matching the filters, one page (or an offset,count slice).
// filter_limit is read leniently, as the official PHP files read it (docs/protocol.md §2.4).
// Every filter value reaches the store as a typed value; nothing here is ever pasted into SQL.
#include <algorithm>
#include <limits>
#include <optional>

#include "core/Decimal.h"
#include "core/Text.h"
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

constexpr std::int64_t kMaxLimit = 10000;
constexpr const char* kSortHelp = "expected '<id|name|quantity|price> [ASC|DESC]'";

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
        auto id = optional_int_field(params, "category_id");
        if (!id) return core::invalid_parameter("category_id", "expected a category id or 'all'");
        filter.category_id = **id;
    }
    auto id = optional_int_field(params, "filter_id");
    if (!id) return id.status();
    filter.id = *id;
    auto ids = params.id_list("filter_ids_list", kMaxLimit);  // a page's worth at most
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
        auto value = optional_int_field(params, name);
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
    bool adjusted = false;  // the numbers used are not the ones sent (journaled)
    std::string used;       // the filter_limit used, "N" or "offset,count"
};

// A number as PHP's (int) reads one, which is what an official integration file pastes after
// LIMIT: spaces, a sign and the leading digits; the rest is ignored ("12abc" -> 12, "2.0" -> 2),
// and a value past 64 bits saturates. nullopt when there is no digit. `exact` is cleared when
// anything besides the number and surrounding spaces was there.
std::optional<std::int64_t> leading_int(std::string_view text, bool& exact) {
    text = core::trim(text);
    std::size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++i;
    const std::size_t digits = i;
    std::int64_t value = 0;
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        const int digit = text[i] - '0';
        value = value > (kMax - digit) / 10 ? kMax : value * 10 + digit;
    }
    if (i == digits) {
        exact = false;
        return std::nullopt;
    }
    if (i != text.size()) exact = false;
    return negative ? -value : value;
}

// `value` within [low, high]; `exact` is cleared when it was not.
std::int64_t clamp(std::int64_t value, std::int64_t low, std::int64_t high, bool& exact) {
    const auto clamped = std::clamp(value, low, high);
    if (clamped != value) exact = false;
    return clamped;
}

// filter_limit `N` (page size for this call) or `offset,count`; page applies to the first form.
// Never refused (§2.4): a count is clamped to 1..10000, an offset below 0 is 0, a count without
// a number is the default page size, an offset without one is 0.
Window parse_window(const Params& params, std::int64_t default_size) {
    const auto text = core::trim(params.text("filter_limit"));
    Window window;
    bool exact = true;
    auto count_of = [&](std::string_view part) {
        const auto n = leading_int(part, exact);
        return n ? clamp(*n, 1, kMaxLimit, exact) : default_size;
    };
    if (const auto comma = text.find(','); comma != std::string_view::npos) {
        const auto offset = leading_int(text.substr(0, comma), exact).value_or(0);
        window.slice =
            store::Slice{clamp(offset, 0, std::numeric_limits<std::int64_t>::max(), exact),
                         count_of(text.substr(comma + 1))};
        window.paged = false;
        window.used =
            std::to_string(window.slice.offset) + "," + std::to_string(window.slice.limit);
    } else {
        const auto size = text.empty() ? default_size : count_of(text);
        window.used = std::to_string(size);
        if (auto slice = page_slice(params.page(), size)) {
            window.slice = *slice;
        } else {
            window.slice = store::Slice{0, size};
            window.past_end = true;
        }
    }
    window.adjusted = !exact;
    return window;
}

// {"filter_limit":{"sent":…,"used":…}} when the numbers used differ from the ones sent.
std::string window_detail(const Params& params, const Window& window) {
    if (!window.adjusted) return "";
    constexpr std::size_t kShown = 64;  // of the value as sent: enough to recognise it
    std::string text;
    JsonWriter out(text);
    out.begin_object().key("filter_limit").begin_object();
    out.key("sent").string(params.text("filter_limit").substr(0, kShown));
    out.key("used").string(window.used);
    out.end_object().end_object();
    return text;
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
    filter->category_match = ctx.settings.category_filter;
    const auto window = parse_window(params, ctx.settings.page_size_products);
    ctx.journal_detail = window_detail(params, window);
    if (window.past_end) {
        write_empty(out);
        return {};
    }
    const auto page = ctx.store.catalog().list_products(*filter, window.slice);
    if (page.rows.empty()) {
        write_empty(out);  // no match, or a page past the end
        return {};
    }
    write_rows(out, page, window);
    return {};
}

}  // namespace protocol::actions
