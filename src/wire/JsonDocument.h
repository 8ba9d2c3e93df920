#pragma once
// A whole JSON text as a Boost.JSON tree with every number's literal text kept beside it, for the
// readers that want a tree (admin request bodies, the import file, the order file). Numbers are
// read through ScalarEvents like the streaming readers of ProductsInput: number_text() is what the
// sender wrote, never a double printed back.
#include <boost/json/value.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/Status.h"

namespace wire {

struct JsonReadOptions {
    std::size_t max_depth = 32;
    bool refuse_duplicate_keys =
        false;  // otherwise the last of repeated keys wins (as json::parse)
};

class JsonDocument {
  public:
    // One JSON value with nothing but whitespace around it. Anything else is Code::Malformed:
    // "not valid JSON at line 3, column 13: syntax error" (where the reader stopped, counted for
    // a person), "nested deeper than 32 levels", or "duplicate key \"sku\"" with the key as the
    // field (refuse_duplicate_keys).
    static core::Result<JsonDocument> parse(std::string_view text,
                                            const JsonReadOptions& options = {});

    const boost::json::value& root() const { return *root_; }

    // The literal text of a number of this document ("19.99", "1E+2", "-0",
    // "18446744073709551616"); nullopt when `value` is not a number of this document.
    std::optional<std::string_view> number_text(const boost::json::value& value) const;

  private:
    JsonDocument() = default;
    std::unique_ptr<boost::json::value> root_;  // on the heap: the addresses below stay valid
    std::unordered_map<const boost::json::value*, std::string> numbers_;
};

}  // namespace wire
