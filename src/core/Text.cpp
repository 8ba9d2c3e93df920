#include "core/Text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace core {

namespace {

bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Allowed range of the second byte for a lead byte (Unicode Table 3-7); this is what excludes
// overlongs (E0 80.., F0 80..), surrogates (ED A0..) and code points above U+10FFFF (F4 90..).
struct SecondByteRange {
    unsigned char lo, hi;
};

SecondByteRange second_byte_range(unsigned char lead) {
    if (lead == 0xE0) return {0xA0, 0xBF};
    if (lead == 0xED) return {0x80, 0x9F};
    if (lead == 0xF0) return {0x90, 0xBF};
    if (lead == 0xF4) return {0x80, 0x8F};
    return {0x80, 0xBF};
}

// Number of bytes of a sequence starting with `lead`, 0 when `lead` can never start one.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;  // continuation bytes, C0/C1 (always overlong) and F5..FF
}

}  // namespace

Utf8Step next_utf8(std::string_view text) {
    auto lead = static_cast<unsigned char>(text[0]);
    std::size_t need = sequence_length(lead);
    if (need == 0) return {1, false};
    if (need == 1) return {1, true};
    SecondByteRange range = second_byte_range(lead);
    for (std::size_t i = 1; i < need; ++i) {
        if (i >= text.size()) return {i, false};  // truncated: replace what we have
        auto c = static_cast<unsigned char>(text[i]);
        bool ok = i == 1 ? (c >= range.lo && c <= range.hi) : is_continuation(c);
        if (!ok) return {i, false};
    }
    return {need, true};
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;  // fast path for ASCII, the common case
            continue;
        }
        Utf8Step step = next_utf8(text.substr(i));
        if (!step.valid) return false;
        i += step.length;
    }
    return true;
}

std::string fold_case(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    text.foldCase(U_FOLD_CASE_DEFAULT);
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim(std::string_view text) {
    auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split_list(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    while (true) {
        auto pos = text.find(sep);
        std::string_view part = trim(text.substr(0, pos));
        if (!part.empty()) parts.push_back(part);
        if (pos == std::string_view::npos) break;
        text.remove_prefix(pos + 1);
    }
    return parts;
}

}  // namespace core
