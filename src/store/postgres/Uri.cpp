#include "store/postgres/Uri.h"

#include <string_view>
#include <vector>

namespace store::postgres {
namespace {

struct Span {
    std::size_t begin = std::string::npos, end = std::string::npos;
    bool found() const { return begin != std::string::npos && end > begin; }
};

// Where the password sits in the URI: after "user:" in the user info, and/or as the value of
// a `password=` query parameter.
std::vector<Span> password_spans(const std::string& uri) {
    std::vector<Span> spans;
    std::size_t scheme = uri.find("://");
    if (scheme == std::string::npos) return spans;
    std::size_t start = scheme + 3;
    std::size_t authority_end = uri.find_first_of("/?", start);
    if (authority_end == std::string::npos) authority_end = uri.size();
    std::size_t at = uri.rfind('@', authority_end == 0 ? 0 : authority_end - 1);
    if (at != std::string::npos && at >= start) {
        std::size_t colon = uri.find(':', start);
        if (colon != std::string::npos && colon < at) spans.push_back({colon + 1, at});
    }
    std::size_t query = uri.find('?', start);
    while (query != std::string::npos && query < uri.size()) {
        std::size_t key = query + 1;
        std::size_t next = uri.find('&', key);
        std::size_t stop = next == std::string::npos ? uri.size() : next;
        std::string_view param(uri.data() + key, stop - key);
        if (param.rfind("password=", 0) == 0) spans.push_back({key + 9, stop});
        query = next;
    }
    return spans;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

void replace_all(std::string& text, const std::string& secret) {
    if (secret.empty()) return;
    for (std::size_t pos = text.find(secret); pos != std::string::npos;
         pos = text.find(secret, pos + 3))
        text.replace(pos, secret.size(), "***");
}

}  // namespace

std::string redact_uri(const std::string& uri) {
    std::string out = uri;
    auto spans = password_spans(uri);
    // Back to front, so that earlier offsets stay valid.
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        if (it->found()) out.replace(it->begin, it->end - it->begin, "***");
    return out;
}

std::string scrub_password(std::string message, const std::string& uri) {
    for (const Span& s : password_spans(uri)) {
        if (!s.found()) continue;
        std::string raw = uri.substr(s.begin, s.end - s.begin);
        replace_all(message, raw);
        replace_all(message, percent_decoded(raw));
    }
    return message;
}

std::string database_of(const std::string& uri) {
    std::size_t scheme = uri.find("://");
    if (scheme == std::string::npos) return "";
    std::size_t slash = uri.find_first_of("/?", scheme + 3);
    if (slash == std::string::npos || uri[slash] != '/') return "";
    std::size_t end = uri.find('?', slash);
    return percent_decoded(std::string_view(uri).substr(
        slash + 1, (end == std::string::npos ? uri.size() : end) - slash - 1));
}

}  // namespace store::postgres
