#include "store/postgres/Placeholders.h"

namespace store::postgres {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_word(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// The index just past the quoted text that starts at `sql[i]` (the opening quote), or the end
// when it is not closed. A doubled quote stands for itself; in an E'...' string a backslash
// escapes the next character too.
std::size_t skip_quoted(std::string_view sql, std::size_t i, bool backslash_escapes) {
    const char quote = sql[i];
    for (++i; i < sql.size(); ++i) {
        if (backslash_escapes && sql[i] == '\\') {
            ++i;
        } else if (sql[i] == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote)
                ++i;
            else
                return i + 1;
        }
    }
    return sql.size();
}

}  // namespace

std::string pg_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        std::size_t end = i + 1;  // past the piece copied unchanged
        if (c == '\'') {
            // E'...' (or e'...') when the E is a word of its own, not the end of a name.
            bool escape_string = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                 (i == 1 || !is_word(sql[i - 2]));
            end = skip_quoted(sql, i, escape_string);
        } else if (c == '"') {
            end = skip_quoted(sql, i, false);
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            end = sql.find('\n', i);
            end = end == std::string_view::npos ? sql.size() : end;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            end = sql.find("*/", i + 2);
            end = end == std::string_view::npos ? sql.size() : end + 2;
        } else if (c == '?' && i + 1 < sql.size() && is_digit(sql[i + 1])) {
            out += '$';
            ++i;
            continue;  // the digits follow as ordinary text
        }
        out.append(sql.substr(i, end - i));
        i = end;
    }
    return out;
}

}  // namespace store::postgres
