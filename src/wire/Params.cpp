#include "wire/Params.h"

#include "core/Decimal.h"
#include "core/PhpValue.h"
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

std::optional<bool> Params::flag(std::string_view name, Notes* normalised) const {
    const std::string_view value = core::php::trim(text(name));
    if (value.empty()) return std::nullopt;
    if (auto truth = core::php::truth(value)) {
        if (normalised && value != "0" && value != "1") {
            normalised->push_back(std::string(name) + ": \"" + std::string(value) + "\" read as " +
                                  (*truth ? "1" : "0"));
        }
        return *truth;
    }
    if (normalised) {
        normalised->push_back(std::string(name) + ": \"" + std::string(value) +
                              "\" is not a flag value, read as 0");
    }
    return false;
}

core::Result<std::vector<std::int64_t>> Params::id_list(std::string_view name,
                                                        std::size_t max) const {
    std::vector<std::int64_t> ids;
    for (std::string_view part : core::split_list(text(name))) {
        if (ids.size() == max)
            return core::invalid_parameter(std::string(name),
                                           "at most " + std::to_string(max) + " ids per request");
        auto id = core::parse_int(part);
        if (!id)
            return core::invalid_parameter(std::string(name),
                                           "expected comma-separated integer ids");
        ids.push_back(*id);
    }
    return ids;
}

}  // namespace wire
