#include "store/ImportError.h"

#include <array>
#include <string_view>
#include <utility>

namespace store {
namespace {

// A key (external id, SKU) that another product already holds is a conflict, not a bad value:
// "sku X already used by product 7", or the UNIQUE index's "conflicts with the database (...)".
bool is_conflict(const std::string& reason) {
    return reason.find("already used by") != std::string::npos ||
           reason.find("conflicts with the database") != std::string::npos;
}

core::Code code_of(const std::string& reason) {
    return is_conflict(reason) ? core::Code::Conflict : core::Code::InvalidField;
}

// The field of a product record a reason is about. The reasons are written in this layer
// (ImportValidate.cpp, engine/Import*.cpp), so the prefixes are known here and nowhere else.
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

}  // namespace

core::Status import_status(const ImportError& error) {
    return {code_of(error.reason), error.section + " record " + std::to_string(error.record),
            error.reason};
}

core::Status save_status(const ImportError& error) {
    return {code_of(error.reason), field_of(error.reason), error.reason};
}

}  // namespace store
