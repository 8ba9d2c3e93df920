#include "wire/JsonDocument.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <cstring>
#include <set>
#include <vector>

#include "wire/JsonScalar.h"

namespace wire {

namespace {

namespace json = boost::json;

// While the tree is built, value_stack holds each number as a string: the byte 0xFF, the kind,
// the parser's 8 bytes of the value, then the literal text. No decoded JSON string starts with
// 0xFF (Boost.JSON accepts valid UTF-8 only). Once the tree is complete its addresses are final:
// the marked strings become numbers again and their addresses key the literal texts.
constexpr char kMark = '\xFF';
constexpr std::size_t kHead = 2 + 8;

std::string mark(const Scalar& scalar) {
    std::string text(kHead, kMark);
    text[1] = static_cast<char>(scalar.kind);
    if (scalar.kind == ScalarKind::int64) {
        std::memcpy(&text[2], &scalar.int64, 8);
    } else if (scalar.kind == ScalarKind::uint64) {
        std::memcpy(&text[2], &scalar.uint64, 8);
    } else {
        std::memcpy(&text[2], &scalar.decimal, 8);
    }
    return text.append(scalar.text);
}

class TreeHandler : public ScalarEvents<TreeHandler> {
  public:
    explicit TreeHandler(bool refuse_duplicate_keys) : refuse_duplicates_(refuse_duplicate_keys) {}

    json::value_stack stack;
    std::string duplicate;

    bool on_object_begin(json::error_code&) { return open(); }
    bool on_array_begin(json::error_code&) { return open(); }
    bool on_object_end(std::size_t n, json::error_code&) {
        stack.push_object(n);
        return close();
    }
    bool on_array_end(std::size_t n, json::error_code&) {
        stack.push_array(n);
        return close();
    }
    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
        key_.append(s.data(), s.size());
        if (refuse_duplicates_ && !frames_.back().insert(key_).second) {
            duplicate = key_;
            ec = json::error::syntax;  // stops the parser; `duplicate` says why
            return false;
        }
        stack.push_key(key_);
        key_.clear();
        return true;
    }

    bool on_scalar(const Scalar& scalar, json::error_code&) {
        switch (scalar.kind) {
            case ScalarKind::string:
                stack.push_string(scalar.text);
                break;
            case ScalarKind::boolean:
                stack.push_bool(scalar.boolean);
                break;
            case ScalarKind::null:
                stack.push_null();
                break;
            default:
                stack.push_string(mark(scalar));
                break;
        }
        return true;
    }

  private:
    bool open() {
        if (refuse_duplicates_) frames_.emplace_back();  // arrays too: close() pops every level
        return true;
    }
    bool close() {
        if (refuse_duplicates_) frames_.pop_back();
        return true;
    }

    bool refuse_duplicates_;
    std::vector<std::set<std::string>> frames_;  // keys seen per open container
    std::string key_;
};

// Turns the marked strings back into numbers, recording their literal texts.
void unmark(json::value& v, std::unordered_map<const json::value*, std::string>& numbers) {
    if (auto* object = v.if_object()) {
        for (auto& member : *object) unmark(member.value(), numbers);
    } else if (auto* array = v.if_array()) {
        for (auto& element : *array) unmark(element, numbers);
    } else if (auto* s = v.if_string(); s && s->size() >= kHead && (*s)[0] == kMark) {
        const auto kind = static_cast<ScalarKind>((*s)[1]);
        std::string text(s->data() + kHead, s->size() - kHead);
        std::int64_t int64 = 0;
        std::uint64_t uint64 = 0;
        double decimal = 0;
        if (kind == ScalarKind::int64) {
            std::memcpy(&int64, s->data() + 2, 8);
            v = int64;
        } else if (kind == ScalarKind::uint64) {
            std::memcpy(&uint64, s->data() + 2, 8);
            v = uint64;
        } else {
            std::memcpy(&decimal, s->data() + 2, 8);
            v = decimal;
        }
        numbers.emplace(&v, std::move(text));
    }
}

// Where the reader stopped, as a person counts it: "line 3, column 13" (both from 1).
std::string position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
        column = text[i] == '\n' ? 1 : column + 1;
        line += text[i] == '\n' ? 1 : 0;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

core::Status read_error(std::string_view text, std::size_t used, const json::error_code& ec,
                        const std::string& duplicate, std::size_t max_depth) {
    if (!duplicate.empty()) {
        return core::Status::malformed("duplicate key \"" + duplicate + "\"", duplicate);
    }
    if (ec == json::error::too_deep) {
        return core::Status::malformed("nested deeper than " + std::to_string(max_depth) +
                                       " levels");
    }
    return core::Status::malformed("not valid JSON at " + position(text, used) + ": " +
                                   ec.message());
}

}  // namespace

core::Result<JsonDocument> JsonDocument::parse(std::string_view text,
                                               const JsonReadOptions& options) {
    json::parse_options parse_options;
    parse_options.max_depth = options.max_depth;
    json::basic_parser<TreeHandler> parser(parse_options, options.refuse_duplicate_keys);
    parser.handler().stack.reset();
    json::error_code ec;
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && used != text.size()) ec = json::error::extra_data;
    if (ec) return read_error(text, used, ec, parser.handler().duplicate, options.max_depth);
    JsonDocument document;
    document.root_ = std::make_unique<json::value>(parser.handler().stack.release());
    unmark(*document.root_, document.numbers_);
    return document;
}

std::optional<std::string_view> JsonDocument::number_text(const json::value& value) const {
    auto it = numbers_.find(&value);
    if (it == numbers_.end()) return std::nullopt;
    return it->second;
}

}  // namespace wire
