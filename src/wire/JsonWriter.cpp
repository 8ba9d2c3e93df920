#include "wire/JsonWriter.h"

#include <charconv>
#include <cmath>

#include "core/Decimal.h"
#include "core/Text.h"

namespace wire {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// True for bytes that can be copied verbatim: printable ASCII other than '"' and '\\'.
bool is_plain(unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

void append_escaped_ascii(std::string& out, char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        default:
            break;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out.push_back(kHex[(c >> 4) & 0xF]);
    out.push_back(kHex[c & 0xF]);
}

template <class T>
void append_number(std::string& out, T v) {
    char buf[32];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end);
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t run = i;
        while (run < s.size() && is_plain(static_cast<unsigned char>(s[run]))) ++run;
        out.append(s, i, run - i);
        i = run;
        if (i == s.size()) break;
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            append_escaped_ascii(out, s[i]);
            ++i;
            continue;
        }
        core::Utf8Step step = core::next_utf8(s.substr(i));
        if (step.valid) {
            out.append(s, i, step.length);
        } else {
            out += kReplacement;  // output is always valid UTF-8
        }
        i += step.length;
    }
    out.push_back('"');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_.push_back('{');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    out_.push_back('}');
    if (!first_.empty()) first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_.push_back('[');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    out_.push_back(']');
    if (!first_.empty()) first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    append_json_string(out_, k);
    out_.push_back(':');
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::int64_t k) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, k).ptr;
    return key(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

JsonWriter& JsonWriter::string(std::string_view s) {
    before_value();
    append_json_string(out_, s);
    return *this;
}

JsonWriter& JsonWriter::id(std::int64_t v) {
    before_value();
    out_.push_back('"');
    append_number(out_, v);
    out_.push_back('"');
    return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t v) {
    before_value();
    append_number(out_, v);
    return *this;
}

JsonWriter& JsonWriter::money(core::Money m) {
    before_value();
    m.append_to(out_);
    return *this;
}

JsonWriter& JsonWriter::scaled(std::int64_t value, int scale) {
    before_value();
    core::append_scaled(out_, value, scale);
    return *this;
}

JsonWriter& JsonWriter::number(double v) {
    before_value();
    if (!std::isfinite(v)) v = 0;  // JSON has no NaN or infinity
    append_number(out_, v);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool v) {
    before_value();
    out_ += v ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    before_value();
    out_ += json;
    return *this;
}

}  // namespace wire
