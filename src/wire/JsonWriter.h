#pragma once
// Small streaming JSON writer: commas are automatic, strings are escaped and always come out as
// valid UTF-8 (invalid bytes become U+FFFD), money has exactly two decimals.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Money.h"

namespace wire {

class JsonWriter {
  public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& key(std::int64_t k);  // id keys: written as a JSON string
    JsonWriter& string(std::string_view s);
    JsonWriter& id(std::int64_t v);  // identifiers are JSON strings: "12"
    JsonWriter& integer(std::int64_t v);
    JsonWriter& money(core::Money m);                   // 12.50
    JsonWriter& scaled(std::int64_t value, int scale);  // fewest exact decimals: 23, 5.5
    JsonWriter& number(double v);                       // shortest round-trip form; non-finite -> 0
    JsonWriter& boolean(bool v);
    JsonWriter& null();
    JsonWriter& raw(std::string_view json);  // a complete, valid JSON value

    std::string& out() { return out_; }

  private:
    void before_value();
    std::string& out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool after_key_ = false;
};

void append_json_string(std::string& out, std::string_view s);

}  // namespace wire
