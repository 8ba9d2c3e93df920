#pragma once
// Array literals ("{1,2,3}", "{\"a\",\"b\"}") for one bound parameter cast to bigint[] / text[]:
// a whole batch travels in one statement (INSERT ... SELECT FROM unnest($1::bigint[], ...) or
// WHERE id = ANY($1::bigint[])), and no value is ever pasted into SQL text.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace store::postgres {

class ArrayBuilder {
  public:
    ArrayBuilder& add(std::int64_t value);
    ArrayBuilder& add(std::string_view text);  // quoted and escaped
    ArrayBuilder& add_null();
    std::string str() const { return text_ + "}"; }

  private:
    void separate();
    std::string text_ = "{";
    bool empty_ = true;
};

std::string int_array(std::span<const std::int64_t> values);

}  // namespace store::postgres
