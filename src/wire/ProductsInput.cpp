#include "wire/ProductsInput.h"

#include <boost/json/basic_parser_impl.hpp>

#include <unordered_map>

#include "core/Text.h"
#include "wire/JsonScalar.h"

namespace wire {

namespace {

namespace json = boost::json;

constexpr std::size_t kMaxDepth = 32;
constexpr std::size_t kMaxEntries = 100000;
constexpr const char* kNotAList = "expected a JSON array (or an object of entries)";

// An object of entries as PHP's json_decode(..., true) reads it: a repeated key keeps its first
// place and its last value (Boost.JSON's trees do the same); the values in that order.
template <class Item>
void read_keyed(bool keyed, std::vector<Item>& items, const std::vector<std::string>& keys,
                std::string_view field, Notes* normalised) {
    if (!keyed) return;
    if (keys.size() == items.size()) {
        std::unordered_map<std::string_view, std::size_t> place;
        std::vector<Item> unique;
        for (std::size_t i = 0; i < items.size(); ++i) {
            auto [it, first] = place.try_emplace(keys[i], unique.size());
            if (first) {
                unique.push_back(std::move(items[i]));
            } else {
                unique[it->second] = std::move(items[i]);
            }
        }
        items = std::move(unique);
    }
    if (normalised) {
        normalised->push_back(std::string(field) + ": a JSON object; its " +
                              std::to_string(items.size()) +
                              " values were read in the order written");
    }
}

// Receives the parser's events and keeps each scalar's source text (ScalarEvents), so that a price
// sent as the number 16.8 becomes "16.8" exactly instead of passing through a double.
class Handler : public ScalarEvents<Handler> {
  public:
    std::vector<RawEntry> entries;
    std::string problem;            // set when the structure, not the JSON syntax, is wrong
    bool keyed = false;             // the entries came as the values of an object...
    std::vector<std::string> keys;  // ...under these keys, one per entry

    bool on_array_begin(json::error_code& ec) {
        if (depth_ == 0) {
            depth_ = 1;
            return true;
        }
        return enter_nested(ec);
    }
    bool on_object_begin(json::error_code& ec) {
        if (depth_ == 0) {
            depth_ = 1;
            keyed = true;
            return true;
        }
        if (depth_ == 1) return begin_entry(ec);
        return enter_nested(ec);
    }
    bool on_array_end(std::size_t, json::error_code&) { return leave(); }
    bool on_object_end(std::size_t, json::error_code&) { return leave(); }

    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        if (depth_ <= 2) key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, json::error_code&) {
        if (depth_ > 2) return true;
        key_.append(s.data(), s.size());
        if (depth_ == 1) {
            keys.push_back(std::move(key_));  // the key of the entry that follows
        } else {
            target_ = field_for(key_);
        }
        key_.clear();
        return true;
    }

    bool on_scalar(const Scalar& scalar, json::error_code& ec) { return last(scalar.text, ec); }

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

    bool last(std::string_view text, json::error_code& ec) {
        if (depth_ == 0) return fail(ec, kNotAList);
        if (depth_ == 1) return not_an_object(ec);
        if (depth_ == 2 && target_) {
            *target_ = text;  // a repeated key keeps the last value
            target_ = nullptr;
        }
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
    std::string* target_ = nullptr;  // field receiving the current scalar, if it is one we keep
    std::string target_name_;
};

// OrderAdd lines: like Handler, but one level deeper for each line's attributes. The stack says
// what every open container is, so a value is routed by where it stands, not by how deep.
class OrderLinesHandler : public ScalarEvents<OrderLinesHandler> {
  public:
    std::vector<RawOrderLine> lines;
    std::string problem;
    bool keyed = false;             // the lines came as the values of an object...
    std::vector<std::string> keys;  // ...under these keys, one per line

    bool on_array_begin(json::error_code& ec) { return open(false, ec); }
    bool on_object_begin(json::error_code& ec) { return open(true, ec); }
    bool on_array_end(std::size_t, json::error_code&) { return close(); }
    bool on_object_end(std::size_t, json::error_code&) { return close(); }

    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, json::error_code&) {
        key_.append(s.data(), s.size());
        if (top() == Frame::Lines) keys.push_back(key_);  // the key of the line that follows
        choose_target();
        key_.clear();
        return true;
    }

    bool on_scalar(const Scalar& s, json::error_code& ec) {
        return scalar(s.text, s.kind == ScalarKind::string, ec);
    }

  private:
    enum class Frame { Lines, Line, Attributes, Attribute, Ignored };

    bool fail(json::error_code& ec, std::string text) {
        problem = std::move(text);
        ec = json::error::exception;  // any code: `problem` carries the message
        return false;
    }

    std::string line_name() const { return "line " + std::to_string(lines.size()); }
    std::string field_name() const {
        return line_name() + (top() == Frame::Attribute ? " attributes " : " ") + target_name_;
    }
    Frame top() const { return stack_.back(); }

    bool open(bool object, json::error_code& ec) {
        if (stack_.empty()) {
            keyed = object;
            return push(Frame::Lines);
        }
        switch (top()) {
            case Frame::Lines:
                if (!object)
                    return fail(ec,
                                "line " + std::to_string(lines.size() + 1) + " is not an object");
                if (lines.size() >= kMaxOrderLines) {
                    return fail(ec, "more than " + std::to_string(kMaxOrderLines) + " lines");
                }
                lines.emplace_back();
                return push(Frame::Line);
            case Frame::Line:
                if (attributes_key_) return push(Frame::Attributes);
                [[fallthrough]];
            case Frame::Attribute:
                if (target_) return fail(ec, field_name() + " is not a scalar");
                return push(Frame::Ignored);
            case Frame::Attributes:
                if (!object) return fail(ec, line_name() + " attributes: expected objects");
                lines.back().attributes.emplace_back();
                return push(Frame::Attribute);
            case Frame::Ignored:
                return push(Frame::Ignored);
        }
        return true;
    }

    bool push(Frame frame) {
        stack_.push_back(frame);
        forget_target();
        return true;
    }

    bool close() {
        stack_.pop_back();
        forget_target();
        return true;
    }

    void forget_target() {
        target_ = nullptr;
        attributes_key_ = false;
    }

    void choose_target() {
        forget_target();
        target_name_ = key_;
        if (top() == Frame::Line) {
            RawOrderLine& l = lines.back();
            attributes_key_ = key_ == "attributes";
            for (auto [name, field] : {std::pair{"id", &l.id},
                                       {"variant_id", &l.variant_id},
                                       {"sku", &l.sku},
                                       {"ean", &l.ean},
                                       {"name", &l.name},
                                       {"price", &l.price},
                                       {"quantity", &l.quantity},
                                       {"tax", &l.tax},
                                       {"auction_id", &l.auction_id}}) {
                if (key_ == name) target_ = field;
            }
        } else if (top() == Frame::Attribute) {
            RawAttribute& a = lines.back().attributes.back();
            for (auto [name, field] :
                 {std::pair{"name", &a.name}, {"value", &a.value}, {"price", &a.price}}) {
                if (key_ == name) target_ = field;
            }
        }
    }

    // A complete scalar: kept when it is the value of a known field.
    bool scalar(std::string_view text, bool is_string, json::error_code& ec) {
        if (stack_.empty()) return fail(ec, kNotAList);
        if (top() == Frame::Lines) {
            return fail(ec, "line " + std::to_string(lines.size() + 1) + " is not an object");
        }
        if (top() == Frame::Attributes) {
            return fail(ec, line_name() + " attributes: expected objects");
        }
        if (target_) {
            // Escapes are decoded by the parser: check the text they produced, not only the bytes.
            if (is_string && !core::is_valid_utf8(text)) {
                return fail(ec, field_name() + ": not valid UTF-8");
            }
            *target_ = text;  // a repeated key keeps the last value
        }
        forget_target();
        return true;
    }

    std::vector<Frame> stack_;
    std::string key_;
    std::string* target_ = nullptr;  // field receiving the current scalar, if it is one we keep
    std::string target_name_;
    bool attributes_key_ = false;  // the current key of a line is "attributes"
};

std::string syntax_problem(const json::error_code& ec) {
    if (ec == json::error::too_deep) {
        return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
    }
    if (ec == json::error::illegal_leading_surrogate ||
        ec == json::error::illegal_trailing_surrogate || ec == json::error::expected_utf16_escape) {
        return "not valid UTF-8 (a \\u escape names a lone surrogate)";
    }
    return "malformed JSON";
}

}  // namespace

core::Result<std::vector<RawEntry>> parse_products_field(std::string_view text,
                                                         std::string_view field,
                                                         Notes* normalised) {
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
    read_keyed(handler.keyed, handler.entries, handler.keys, field, normalised);
    return std::move(handler.entries);
}

core::Result<std::vector<RawOrderLine>> parse_order_lines(std::string_view text,
                                                          std::string_view field,
                                                          Notes* normalised) {
    json::parse_options options;
    options.max_depth = kMaxDepth;
    json::basic_parser<OrderLinesHandler> parser(options);
    json::error_code ec;
    std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    OrderLinesHandler& handler = parser.handler();
    if (!handler.problem.empty()) {
        return core::invalid_parameter(std::string(field), handler.problem);
    }
    if (ec || used != text.size()) {
        return core::invalid_parameter(std::string(field), syntax_problem(ec));
    }
    read_keyed(handler.keyed, handler.lines, handler.keys, field, normalised);
    return std::move(handler.lines);
}

}  // namespace wire
