#include "protocol/ProductsInput.h"

#include <boost/json/basic_parser_impl.hpp>

namespace protocol {

namespace {

namespace json = boost::json;

constexpr std::size_t kMaxDepth = 32;
constexpr std::size_t kMaxEntries = 100000;

// Receives the parser's events and keeps each scalar's source text, so that a price sent as the
// number 16.8 becomes "16.8" exactly instead of passing through a double.
class Handler {
  public:
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

    std::vector<RawEntry> entries;
    std::string problem;  // set when the structure, not the JSON syntax, is wrong

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }

    bool on_array_begin(json::error_code& ec) {
        if (depth_ == 0) {
            depth_ = 1;
            return true;
        }
        return enter_nested(ec);
    }
    bool on_object_begin(json::error_code& ec) {
        if (depth_ == 0) return fail(ec, "expected a JSON array");
        if (depth_ == 1) return begin_entry(ec);
        return enter_nested(ec);
    }
    bool on_array_end(std::size_t, json::error_code&) { return leave(); }
    bool on_object_end(std::size_t, json::error_code&) { return leave(); }

    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        if (depth_ == 2) key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, json::error_code&) {
        if (depth_ != 2) return true;
        key_.append(s.data(), s.size());
        target_ = field_for(key_);
        key_.clear();
        return true;
    }

    bool on_string_part(json::string_view s, std::size_t, json::error_code&) { return part(s); }
    bool on_string(json::string_view s, std::size_t, json::error_code& ec) { return last(s, ec); }
    bool on_number_part(json::string_view s, json::error_code&) { return part(s); }
    bool on_int64(std::int64_t, json::string_view s, json::error_code& ec) { return last(s, ec); }
    bool on_uint64(std::uint64_t, json::string_view s, json::error_code& ec) { return last(s, ec); }
    bool on_double(double, json::string_view s, json::error_code& ec) { return last(s, ec); }
    bool on_bool(bool b, json::error_code& ec) { return last(b ? "true" : "false", ec); }
    bool on_null(json::error_code& ec) { return last("", ec); }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

  private:
    bool fail(json::error_code& ec, std::string text) {
        problem = std::move(text);
        ec = json::error::exception;  // any code: `problem` carries the message
        return false;
    }

    std::string element() const { return "element " + std::to_string(entries.size() - 1); }

    bool begin_entry(json::error_code& ec) {
        if (entries.size() >= kMaxEntries) {
            return fail(ec, "more than " + std::to_string(kMaxEntries) + " entries");
        }
        entries.emplace_back();
        target_ = nullptr;
        depth_ = 2;
        return true;
    }

    // A container inside the array (not an object) or as the value of a known field is an error;
    // inside unknown fields ("attributes": [...]) it is skipped.
    bool enter_nested(json::error_code& ec) {
        if (depth_ == 1) return not_an_object(ec);
        if (depth_ == 2 && target_) {
            return fail(ec, element() + ": " + target_name_ + " is not a scalar");
        }
        ++depth_;
        return true;
    }

    bool not_an_object(json::error_code& ec) {
        return fail(ec, "element " + std::to_string(entries.size()) + " is not an object");
    }

    bool leave() {
        --depth_;
        if (depth_ == 2 || depth_ == 1) target_ = nullptr;
        return true;
    }

    bool part(json::string_view s) {
        if (depth_ == 2 && target_) text_.append(s.data(), s.size());
        return true;
    }

    bool last(json::string_view s, json::error_code& ec) {
        if (depth_ == 0) return fail(ec, "expected a JSON array");
        if (depth_ == 1) return not_an_object(ec);
        if (depth_ == 2 && target_) {
            text_.append(s.data(), s.size());
            *target_ = std::move(text_);  // a repeated key keeps the last value
            target_ = nullptr;
        }
        text_.clear();
        return true;
    }

    std::string* field_for(const std::string& key) {
        RawEntry& e = entries.back();
        target_name_ = key;
        if (key == "product_id") return &e.product_id;
        if (key == "variant_id") return &e.variant_id;
        if (key == "operation") return &e.operation;
        if (key == "quantity") return &e.quantity;
        if (key == "price") return &e.price;
        return nullptr;
    }

    std::size_t depth_ = 0;  // 1 = inside the top array, 2 = inside an entry
    std::string key_;
    std::string text_;
    std::string* target_ = nullptr;  // field receiving the current scalar, if it is one we keep
    std::string target_name_;
};

std::string syntax_problem(const json::error_code& ec) {
    if (ec == json::error::too_deep) {
        return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
    }
    return "malformed JSON";
}

}  // namespace

core::Result<std::vector<RawEntry>> parse_products_field(std::string_view text,
                                                         std::string_view field) {
    json::parse_options options;
    options.max_depth = kMaxDepth;
    json::basic_parser<Handler> parser(options);
    json::error_code ec;
    std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    Handler& handler = parser.handler();
    if (!handler.problem.empty())
        return core::invalid_parameter(std::string(field), handler.problem);
    if (ec || used != text.size()) {
        return core::invalid_parameter(std::string(field), syntax_problem(ec));
    }
    return std::move(handler.entries);
}

}  // namespace protocol
