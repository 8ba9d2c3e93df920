// The web panel: serves the files of web/ embedded at build time (cmake/EmbedFiles.cmake).
// Only exact names from the embedded table are served, so no path (encoded or not, "..", "//")
// can reach anything else.
#include "admin/Panel.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace admin::detail {

// Same layout as the generated table (cmake/EmbedFilesScript.cmake).
struct PanelFile {
    const char* path;
    const char* content_type;
    const char* etag;
    const unsigned char* data;
    std::size_t size;
};
extern const PanelFile kPanelFiles[];
extern const std::size_t kPanelFileCount;

}  // namespace admin::detail

namespace admin {
namespace {

constexpr std::string_view kRoot = "/admin";
constexpr std::string_view kApi = "/admin/api";

const detail::PanelFile* find_file(std::string_view name) {
    for (std::size_t i = 0; i < detail::kPanelFileCount; ++i) {
        if (name == detail::kPanelFiles[i].path) return &detail::kPanelFiles[i];
    }
    return nullptr;
}

// Headers on every panel answer. The CSP forbids inline scripts and styles and any other
// origin: the panel is plain files from this listener plus fetch() to its API.
void add_security_headers(core::WebResponse& response) {
    response.headers.emplace_back("Content-Security-Policy",
                                  "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                                  "form-action 'self'");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    response.headers.emplace_back("Cache-Control", "no-cache");
}

core::WebResponse text_answer(int status, std::string body) {
    core::WebResponse response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.body = std::move(body);
    add_security_headers(response);
    return response;
}

std::string_view header(const core::WebRequest& request, std::string_view name) {
    for (const auto& [key, value] : request.headers) {
        if (key == name) return value;
    }
    return {};
}

// If-None-Match holds our ETag (exactly, in a list, or "*").
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    while (!if_none_match.empty()) {
        auto comma = if_none_match.find(',');
        auto item = if_none_match.substr(0, comma);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (item.starts_with("W/")) item.remove_prefix(2);
        if (item == etag || item == "*") return true;
        if (comma == std::string_view::npos) break;
        if_none_match.remove_prefix(comma + 1);
    }
    return false;
}

}  // namespace

bool is_panel_path(std::string_view path) {
    if (path == kRoot) return true;
    if (!path.starts_with("/admin/")) return false;
    return !(path == kApi || path.starts_with("/admin/api/"));
}

core::WebResponse serve_panel(const core::WebRequest& request) {
    const bool head = request.method == "HEAD";
    if (request.method != "GET" && !head) {
        auto response = text_answer(405, "method not allowed\n");
        response.headers.emplace_back("Allow", "GET, HEAD");
        return response;
    }
    std::string_view path = request.path;
    if (path == kRoot) {
        auto response = text_answer(301, "moved to /admin/\n");
        response.headers.emplace_back("Location", "/admin/");
        if (head) response.body.clear();
        return response;
    }
    const detail::PanelFile* file = nullptr;
    if (path.starts_with("/admin/") && is_panel_path(path)) {
        std::string_view name = path.substr(kRoot.size() + 1);
        file = find_file(name.empty() ? std::string_view("index.html") : name);
    }
    if (file == nullptr) {
        auto response = text_answer(404, "not found\n");
        if (head) response.body.clear();
        return response;
    }

    core::WebResponse response;
    response.content_type = file->content_type;
    add_security_headers(response);
    response.headers.emplace_back("ETag", file->etag);
    if (etag_matches(header(request, "if-none-match"), file->etag)) {
        response.status = 304;
        return response;
    }
    response.status = 200;
    if (!head && file->size > 0) {
        response.body.assign(reinterpret_cast<const char*>(file->data), file->size);
    }
    return response;
}

}  // namespace admin
