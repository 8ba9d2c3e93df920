#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// One step of a strict UTF-8 decoder over a non-empty `text`: either a well-formed character
// (`valid`, 1-4 bytes) or the maximal ill-formed prefix that a writer replaces with one U+FFFD.
struct Utf8Step {
    std::size_t length;
    bool valid;
};
Utf8Step next_utf8(std::string_view text);

// Unicode full case folding (ICU), so that "ŻÓŁW" and "żółw" compare equal. Input must be
// valid UTF-8.
std::string fold_case(std::string_view utf8);

// ASCII lower-casing (action names, keywords).
std::string ascii_lower(std::string_view text);

// Trims ASCII spaces and tabs at both ends.
std::string_view trim(std::string_view text);

// Splits a comma-separated list; empty elements (after trimming) are dropped.
std::vector<std::string_view> split_list(std::string_view text, char sep = ',');

}  // namespace core
