#include "store/sqlite/TextFunctions.h"

#include <string>
#include <string_view>

#include "core/Text.h"
#include "store/Store.h"

namespace store::sqlite {
namespace {

std::string_view text_arg(sqlite3_value* v) {
    auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    if (!p) return {};
    return std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

void contains_folded(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    std::string_view haystack = text_arg(argv[0]);
    std::string_view needle = text_arg(argv[1]);
    try {
        // Most stored values are ASCII, whose full case fold is plain lower-casing: skip ICU.
        const std::string folded =
            is_ascii(haystack) ? core::ascii_lower(haystack) : core::fold_case(haystack);
        sqlite3_result_int(ctx, folded.find(needle) != std::string::npos ? 1 : 0);
    } catch (const std::exception&) {
        sqlite3_result_error_nomem(ctx);
    }
}

}  // namespace

void register_text_functions(sqlite3* db) {
    int rc = sqlite3_create_function_v2(db, "blc_contains_folded", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        nullptr, contains_folded, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw StoreError("sqlite: cannot register blc_contains_folded");
}

}  // namespace store::sqlite
