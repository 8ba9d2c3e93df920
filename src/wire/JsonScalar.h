#pragma once
// The one way this program reads a JSON scalar: from the events of boost::json::basic_parser, as
// the text the sender wrote. A number keeps its literal text ("19.99", "1e400",
// "18446744073709551616") and never passes through a double, so money stays exact.
//
// Every basic_parser handler of ours derives from ScalarEvents<Handler>: it gets each complete
// scalar in Handler::on_scalar(const Scalar&, error_code&) and provides the structural events
// (on_object_begin, on_key, ...) itself. The parser's own size limits are off: the handlers keep
// their own (depth, entry counts).
#include <boost/json/basic_parser.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wire {

enum class ScalarKind { string, int64, uint64, decimal, boolean, null };

struct Scalar {
    ScalarKind kind = ScalarKind::null;
    // Strings decoded (escapes resolved), numbers exactly as written, "true"/"false", "" for null.
    std::string_view text;
    // What the parser made of the value. `decimal` is Boost.JSON's double: for measures, never
    // for money (use `text`).
    std::int64_t int64 = 0;
    std::uint64_t uint64 = 0;
    double decimal = 0;
    bool boolean = false;

    bool is_number() const {
        return kind == ScalarKind::int64 || kind == ScalarKind::uint64 ||
               kind == ScalarKind::decimal;
    }
};

template <class Handler>
class ScalarEvents {
  public:
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }

    bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        return part(s);
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
        return complete(s, of(ScalarKind::string), ec);
    }
    bool on_number_part(boost::json::string_view s, boost::json::error_code&) { return part(s); }
    bool on_int64(std::int64_t v, boost::json::string_view s, boost::json::error_code& ec) {
        Scalar scalar = of(ScalarKind::int64);
        scalar.int64 = v;
        return complete(s, scalar, ec);
    }
    bool on_uint64(std::uint64_t v, boost::json::string_view s, boost::json::error_code& ec) {
        Scalar scalar = of(ScalarKind::uint64);
        scalar.uint64 = v;
        return complete(s, scalar, ec);
    }
    bool on_double(double v, boost::json::string_view s, boost::json::error_code& ec) {
        Scalar scalar = of(ScalarKind::decimal);
        scalar.decimal = v;
        return complete(s, scalar, ec);
    }
    bool on_bool(bool v, boost::json::error_code& ec) {
        Scalar scalar = of(ScalarKind::boolean);
        scalar.boolean = v;
        return complete(v ? "true" : "false", scalar, ec);
    }
    bool on_null(boost::json::error_code& ec) { return complete("", of(ScalarKind::null), ec); }

  private:
    static Scalar of(ScalarKind kind) {
        Scalar scalar;
        scalar.kind = kind;
        return scalar;
    }
    bool part(boost::json::string_view s) {
        text_.append(s.data(), s.size());
        return true;
    }
    // The parser hands a long scalar over in parts; the last one completes it.
    bool complete(boost::json::string_view last, Scalar scalar, boost::json::error_code& ec) {
        text_.append(last.data(), last.size());
        scalar.text = text_;
        const bool go_on = static_cast<Handler*>(this)->on_scalar(scalar, ec);
        text_.clear();
        return go_on;
    }

    std::string text_;
};

}  // namespace wire
