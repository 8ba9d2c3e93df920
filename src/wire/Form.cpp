#include "wire/Form.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "core/Text.h"
#include "wire/JsonWriter.h"

namespace wire {

const std::string* Form::find(std::string_view key) const {
    auto it = fields.find(std::string(key));
    return it == fields.end() ? nullptr : &it->second;
}

namespace {

constexpr std::size_t kMaxBracketDepth = 32;  // PHP drops deeper keys too (max_input_nesting_level)

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decoding with '+' as space; false on a malformed escape unless it is kept literally.
bool percent_decode(std::string_view in, std::string& out, BadEscape bad) {
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c != '%') {
            out.push_back(c);
        } else {
            const int hi = i + 2 < in.size() ? hex_value(in[i + 1]) : -1;
            const int lo = i + 2 < in.size() ? hex_value(in[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                if (bad == BadEscape::Refuse) return false;
                out.push_back('%');  // what follows is read as it comes
                continue;
            }
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        }
    }
    return true;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Value of a numeric bracket index, nullopt when it is not one we can count with.
std::optional<std::uint64_t> index_value(std::string_view s) {
    if (!all_digits(s) || s.size() > 18) return std::nullopt;
    std::uint64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// One "[segment]" of a bracket key: its text and where the next one starts; nullopt at the end
// of the key or on a malformed bracket (PHP ignores whatever follows).
struct Segment {
    std::string_view text;
    std::size_t next;
};

std::optional<Segment> next_segment(std::string_view key, std::size_t pos) {
    if (pos >= key.size() || key[pos] != '[') return std::nullopt;
    auto close = key.find(']', pos + 1);
    if (close == std::string_view::npos) return std::nullopt;
    return Segment{key.substr(pos + 1, close - pos - 1), close + 1};
}

// PHP appends a new element for every "[]" in a key, but a field map keeps only the last value
// per key; so each "[]" is given the next free index of its prefix before the field is stored.
class AppendIndices {
  public:
    std::string resolve(const std::string& key) {
        auto pos = key.find('[');
        if (pos == std::string::npos || pos == 0) return key;
        std::string out = key.substr(0, pos);
        std::size_t prefix = prefix_id(kRoot, out);
        // Deeper keys are dropped later anyway; the bound keeps hostile keys cheap.
        std::size_t depth = 0;
        while (auto seg = depth++ < kMaxBracketDepth ? next_segment(key, pos) : std::nullopt) {
            std::string index(seg->text);
            if (index.empty()) {
                index = std::to_string(next_[prefix]++);
            } else if (auto v = index_value(index)) {
                next_[prefix] = std::max(next_[prefix], *v + 1);
            }
            out += "[" + index + "]";
            prefix = prefix_id(prefix, index);
            pos = seg->next;
        }
        out.append(key, pos);
        return out;
    }

  private:
    static constexpr std::size_t kRoot = static_cast<std::size_t>(-1);

    // Prefixes form a trie (parent id + one segment), so memory stays linear in the key sizes.
    std::size_t prefix_id(std::size_t parent, const std::string& segment) {
        auto [it, inserted] = ids_.try_emplace({parent, segment}, next_.size());
        if (inserted) next_.push_back(0);
        return it->second;
    }

    std::map<std::pair<std::size_t, std::string>, std::size_t> ids_;
    std::vector<std::uint64_t> next_;  // per prefix id: the next free index
};

class FieldSink {
  public:
    explicit FieldSink(Form& form) : form_(form) {}
    void add(const std::string& key, std::string value) {
        // Repeated keys keep the last value, as PHP does.
        form_.fields[indices_.resolve(key)] = std::move(value);
    }

  private:
    Form& form_;
    AppendIndices indices_;
};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && core::ascii_lower(a) == core::ascii_lower(b);
}

// Reads one parameter value at `pos` (token or quoted-string with backslash escapes).
std::string read_param_value(std::string_view s, std::size_t& pos) {
    std::string value;
    if (pos < s.size() && s[pos] == '"') {
        for (++pos; pos < s.size() && s[pos] != '"'; ++pos) {
            if (s[pos] == '\\' && pos + 1 < s.size()) ++pos;
            value.push_back(s[pos]);
        }
        if (pos < s.size()) ++pos;  // closing quote
        return value;
    }
    auto end = s.find(';', pos);
    if (end == std::string_view::npos) end = s.size();
    value = std::string(core::trim(s.substr(pos, end - pos)));
    pos = end;
    return value;
}

// The value of parameter `name` in a header value like `form-data; name="a"; filename="b"`.
std::optional<std::string> header_param(std::string_view header, std::string_view name) {
    std::size_t pos = header.find(';');
    while (pos != std::string_view::npos && pos < header.size()) {
        ++pos;  // past ';'
        auto eq = header.find_first_of("=;", pos);
        if (eq == std::string_view::npos) break;
        std::string_view param = core::trim(header.substr(pos, eq - pos));
        if (header[eq] == ';') {
            pos = eq;
            continue;
        }
        pos = eq + 1;
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == '\t')) ++pos;
        std::string value = read_param_value(header, pos);
        if (iequals(param, name)) return value;
        pos = header.find(';', pos);
    }
    return std::nullopt;
}

// A delimiter line "--boundary" found at the start of a line.
struct Delimiter {
    std::size_t pos;    // where "--boundary" starts
    std::size_t after;  // first byte after the delimiter line
    bool closing;       // "--boundary--"
};

std::optional<Delimiter> find_delimiter(std::string_view body, std::string_view delim,
                                        std::size_t from) {
    while (true) {
        auto pos = body.find(delim, from);
        if (pos == std::string_view::npos) return std::nullopt;
        from = pos + 1;
        if (pos != 0 && body[pos - 1] != '\n') continue;
        std::size_t i = pos + delim.size();
        if (body.substr(i, 2) == "--") return Delimiter{pos, body.size(), true};
        while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;  // transport padding
        if (body.substr(i, 2) == "\r\n") return Delimiter{pos, i + 2, false};
        if (body.substr(i, 1) == "\n") return Delimiter{pos, i + 1, false};
        // "--boundaryXYZ": the boundary is only a prefix of other text; keep looking.
    }
}

struct Part {
    std::string_view headers;
    std::string_view content;
};

Part split_part(std::string_view part) {
    if (part.starts_with("\r\n")) return {{}, part.substr(2)};
    if (part.starts_with("\n")) return {{}, part.substr(1)};
    auto crlf = part.find("\r\n\r\n");
    auto lf = part.find("\n\n");
    if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
        return {part.substr(0, crlf), part.substr(crlf + 4)};
    }
    if (lf != std::string_view::npos) return {part.substr(0, lf), part.substr(lf + 2)};
    return {part, {}};
}

std::optional<std::string_view> content_disposition(std::string_view headers) {
    while (!headers.empty()) {
        auto eol = headers.find('\n');
        std::string_view line = headers.substr(0, eol);
        if (line.ends_with('\r')) line.remove_suffix(1);
        auto colon = line.find(':');
        if (colon != std::string_view::npos &&
            iequals(core::trim(line.substr(0, colon)), "content-disposition")) {
            return core::trim(line.substr(colon + 1));
        }
        if (eol == std::string_view::npos) break;
        headers.remove_prefix(eol + 1);
    }
    return std::nullopt;
}

core::Status add_part(std::string_view raw, FieldSink& sink) {
    Part part = split_part(raw);
    auto disposition = content_disposition(part.headers);
    std::optional<std::string> name;
    if (disposition) name = header_param(*disposition, "name");
    if (!name || name->empty())
        return core::Status::malformed("multipart part without a field name");
    // Uploaded files are not form fields (PHP puts them in $_FILES); the protocol has none.
    if (header_param(*disposition, "filename")) return {};
    sink.add(*name, std::string(part.content));
    return {};
}

std::string_view media_type(std::string_view content_type) {
    return core::trim(content_type.substr(0, content_type.find(';')));
}

}  // namespace

core::Result<Form> decode_urlencoded(std::string_view body, BadEscape bad) {
    Form form;
    FieldSink sink(form);
    std::string key, value;
    while (!body.empty()) {
        auto amp = body.find('&');
        std::string_view pair = body.substr(0, amp);
        body.remove_prefix(amp == std::string_view::npos ? body.size() : amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        std::string_view raw_value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
        if (!percent_decode(pair.substr(0, eq), key, bad) ||
            !percent_decode(raw_value, value, bad)) {
            return core::Status::malformed("malformed percent-encoding");
        }
        if (key.empty()) continue;  // PHP ignores "=value"
        sink.add(key, value);
    }
    return form;
}

core::Result<Form> decode_multipart(std::string_view body, std::string_view content_type) {
    auto boundary = header_param(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 200) {
        return core::Status::malformed("multipart content type without a usable boundary");
    }
    const std::string delim = "--" + *boundary;
    auto current = find_delimiter(body, delim, 0);
    if (!current) {
        return core::Status::malformed("multipart body without its boundary");
    }
    Form form;
    FieldSink sink(form);
    while (!current->closing) {
        auto next = find_delimiter(body, delim, current->after);
        if (!next) {
            return core::Status::malformed("multipart body is truncated (no closing boundary)");
        }
        // The line break before a delimiter belongs to the delimiter, not to the content.
        std::string_view raw = body.substr(current->after, next->pos - current->after);
        if (raw.ends_with('\n')) raw.remove_suffix(1);
        if (raw.ends_with('\r')) raw.remove_suffix(1);
        if (auto added = add_part(raw, sink); !added.ok()) return added;
        current = next;
    }
    return form;
}

core::Result<Form> decode_form(std::string_view body, std::string_view content_type,
                               BadEscape bad) {
    if (iequals(media_type(content_type), "multipart/form-data")) {
        return decode_multipart(body, content_type);
    }
    return decode_urlencoded(body, bad);
}

// ---- PHP bracket form -> JSON ----

namespace {

// Numeric indices first, by value; then other keys as text.
struct IndexLess {
    bool operator()(const std::string& a, const std::string& b) const {
        bool na = all_digits(a), nb = all_digits(b);
        if (na != nb) return na;
        if (!na) return a < b;
        auto sa = std::string_view(a).substr(std::min(a.find_first_not_of('0'), a.size()));
        auto sb = std::string_view(b).substr(std::min(b.find_first_not_of('0'), b.size()));
        if (sa.size() != sb.size()) return sa.size() < sb.size();
        if (sa != sb) return sa < sb;
        return a < b;  // "01" and "1" are different keys in PHP
    }
};

struct Node {
    std::string scalar;
    std::map<std::string, std::unique_ptr<Node>, IndexLess> children;

    Node& child(std::string_view key) {
        std::string k(key);
        if (k.empty()) k = std::to_string(next_index());  // "[]": a new element
        auto& slot = children[k];
        if (!slot) slot = std::make_unique<Node>();
        return *slot;
    }

    std::uint64_t next_index() const {
        std::uint64_t next = 0;
        for (const auto& [k, v] : children) {
            if (auto i = index_value(k)) next = std::max(next, *i + 1);
        }
        return next;
    }

    bool is_list() const {
        return std::all_of(children.begin(), children.end(),
                           [](const auto& kv) { return all_digits(kv.first); });
    }
};

// Containers win over a scalar sent under the same key ("a[0]=x&a[0][b]=y").
void write_node(const Node& node, JsonWriter& out, bool force_list) {
    if (node.children.empty()) {
        out.string(node.scalar);
        return;
    }
    bool list = force_list || node.is_list();
    list ? out.begin_array() : out.begin_object();
    for (const auto& [k, v] : node.children) {
        if (!list) out.key(k);
        write_node(*v, out, false);
    }
    list ? out.end_array() : out.end_object();
}

// Inserts one field "name[a][b]" under `root`; false when the key has no usable segment or is
// nested deeper than PHP would accept.
bool insert_field(Node& root, std::string_view key, std::size_t pos, const std::string& value) {
    std::vector<std::string_view> path;
    while (auto seg = next_segment(key, pos)) {
        path.push_back(seg->text);
        pos = seg->next;
    }
    if (path.empty() || path.size() > kMaxBracketDepth) return false;
    Node* node = &root;
    for (auto seg : path) node = &node->child(seg);
    node->scalar = value;
    return true;
}

}  // namespace

std::optional<std::string> bracket_field_as_json(const Form& form, std::string_view name) {
    const std::string prefix = std::string(name) + "[";
    Node root;
    bool found = false;
    // Field order does not matter: indices decide, so the unordered map is fine here.
    for (const auto& [key, value] : form.fields) {
        if (!key.starts_with(prefix)) continue;
        found = insert_field(root, key, name.size(), value) || found;
    }
    if (!found) return std::nullopt;
    std::string json;
    JsonWriter writer(json);
    write_node(root, writer, true);
    return json;
}

}  // namespace wire
