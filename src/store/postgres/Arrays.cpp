#include "store/postgres/Arrays.h"

namespace store::postgres {

void ArrayBuilder::separate() {
    if (!empty_) text_ += ',';
    empty_ = false;
}

ArrayBuilder& ArrayBuilder::add(std::int64_t value) {
    separate();
    text_ += std::to_string(value);
    return *this;
}

ArrayBuilder& ArrayBuilder::add(std::string_view text) {
    // Always quoted: an unquoted element would turn "NULL", "" or spaces into something else.
    separate();
    text_ += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') text_ += '\\';
        text_ += c;
    }
    text_ += '"';
    return *this;
}

ArrayBuilder& ArrayBuilder::add_null() {
    separate();
    text_ += "NULL";
    return *this;
}

std::string int_array(std::span<const std::int64_t> values) {
    ArrayBuilder b;
    for (std::int64_t v : values) b.add(v);
    return b.str();
}

}  // namespace store::postgres
