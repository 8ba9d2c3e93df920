#include "wire/Params.h"

#include "core/Decimal.h"
#include "core/Text.h"

namespace wire {

std::optional<std::string_view> Params::get(std::string_view name) const {
    const std::string* value = form_.find(name);
    if (!value) return std::nullopt;
    return std::string_view(*value);
}

std::string_view Params::text(std::string_view name) const {
    return get(name).value_or(std::string_view());
}

std::int64_t Params::page() const {
    auto page = core::parse_int(core::trim(text("page")));
    return page && *page > 0 ? *page : 1;
}

core::Result<std::optional<bool>> Params::flag(std::string_view name) const {
    std::string value = core::ascii_lower(core::trim(text(name)));
    if (value.empty()) return std::optional<bool>();
    if (value == "1" || value == "true") return std::optional<bool>(true);
    if (value == "0" || value == "false") return std::optional<bool>(false);
    return core::invalid_parameter(std::string(name), "expected 0 or 1");
}

core::Result<std::vector<std::int64_t>> Params::id_list(std::string_view name) const {
    std::vector<std::int64_t> ids;
    for (std::string_view part : core::split_list(text(name))) {
        auto id = core::parse_int(part);
        if (!id)
            return core::invalid_parameter(std::string(name),
                                           "expected comma-separated integer ids");
        ids.push_back(*id);
    }
    return ids;
}

}  // namespace wire
