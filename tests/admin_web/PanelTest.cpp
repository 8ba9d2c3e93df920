// The web panel's file server (src/admin/Panel.cpp): every file of web/ is served byte for byte
// with its content type and the security headers; nothing else is reachable.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "admin/Panel.h"

namespace fs = std::filesystem;

namespace {

const fs::path kWebDir = fs::path(BLCONNECT_SOURCE_DIR) / "web";

core::WebRequest request(std::string method, std::string path) {
    core::WebRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.client_ip = "127.0.0.1";
    r.request_id = "t1";
    return r;
}

core::WebResponse get(const std::string& path) {
    return admin::serve_panel(request("GET", path));
}

std::optional<std::string> header(const core::WebResponse& response, std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    for (const auto& [key, value] : response.headers) {
        std::string lower = key;
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        if (lower == name) return value;
    }
    return std::nullopt;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The files the panel must serve: every regular file under web/ except dotfiles.
std::vector<std::string> web_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(kWebDir)) {
        if (!entry.is_regular_file()) continue;
        auto name = entry.path().filename().string();
        if (name.starts_with(".") || name.ends_with("~")) continue;
        files.push_back(fs::relative(entry.path(), kWebDir).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string expected_type(const std::string& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
    };
    auto it = types.find(fs::path(file).extension().string());
    return it == types.end() ? std::string("?") : it->second;
}

void expect_security_headers(const core::WebResponse& response, const std::string& what) {
    SCOPED_TRACE(what);
    auto csp = header(response, "Content-Security-Policy");
    ASSERT_TRUE(csp.has_value());
    EXPECT_NE(csp->find("default-src 'self'"), std::string::npos) << *csp;
    EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos) << *csp;
    EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos) << *csp;
    EXPECT_EQ(header(response, "X-Frame-Options"), "DENY");
    EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer");
    EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
}

TEST(Panel, ServesEveryWebFileWithItsContentType) {
    auto files = web_files();
    ASSERT_FALSE(files.empty());
    for (const auto& file : {"index.html", "app.css", "app.js"}) {
        EXPECT_NE(std::find(files.begin(), files.end(), file), files.end()) << file;
    }
    for (const auto& file : files) {
        SCOPED_TRACE(file);
        auto response = get("/admin/" + file);
        ASSERT_EQ(response.status, 200);
        EXPECT_EQ(response.content_type, expected_type(file));
        EXPECT_EQ(response.body, read_file(kWebDir / file));
        auto etag = header(response, "ETag");
        ASSERT_TRUE(etag.has_value());
        EXPECT_GE(etag->size(), 3u);
        expect_security_headers(response, file);
    }
}

TEST(Panel, RootIsIndexAndBareAdminRedirects) {
    auto index = get("/admin/");
    EXPECT_EQ(index.status, 200);
    EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(index.body, read_file(kWebDir / "index.html"));
    expect_security_headers(index, "/admin/");

    auto redirect = get("/admin");
    EXPECT_EQ(redirect.status, 301);
    EXPECT_EQ(header(redirect, "Location"), "/admin/");
}

TEST(Panel, IndexLoadsNoInlineScriptOrStyle) {
    // The CSP forbids inline code: index.html must reference its script and style as files.
    auto body = get("/admin/").body;
    EXPECT_NE(body.find("<script type=\"module\" src=\"app.js\"></script>"), std::string::npos);
    EXPECT_EQ(body.find("<style"), std::string::npos);
    EXPECT_EQ(body.find(" style="), std::string::npos);
    EXPECT_FALSE(std::regex_search(body, std::regex(R"(\son[a-z]+\s*=)", std::regex::icase)));
    EXPECT_EQ(body.find("http://"), std::string::npos);
    EXPECT_EQ(body.find("https://"), std::string::npos);
}

TEST(Panel, HeadHasHeadersWithoutBody) {
    auto response = admin::serve_panel(request("HEAD", "/admin/app.js"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "text/javascript; charset=utf-8");
    EXPECT_TRUE(response.body.empty());
    expect_security_headers(response, "HEAD");
}

TEST(Panel, OtherMethodsAreRefused) {
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
        SCOPED_TRACE(method);
        auto response = admin::serve_panel(request(method, "/admin/index.html"));
        EXPECT_EQ(response.status, 405);
        EXPECT_EQ(header(response, "Allow"), "GET, HEAD");
    }
}

TEST(Panel, UnknownPathsAndTraversalAre404) {
    for (const char* path : {
             "/admin/../x",
             "/admin/../CMakeLists.txt",
             "/admin/%2e%2e/",
             "/admin/%2e%2e/CMakeLists.txt",
             "/admin/..%2fCMakeLists.txt",
             "/admin/%2E%2E%2Fsrc%2Fadmin%2FPanel.cpp",
             "/admin/./index.html",
             "/admin//index.html",
             "/admin/index.html/",
             "/admin/INDEX.HTML",
             "/admin/index.html%00",
             "/admin/nope.js",
             "/admin/web/index.html",
             "/admin/.gitignore",
             "/admin/api/v1/session",
             "/admin/api",
             "/",
             "/index.html",
             "/administrator",
         }) {
        SCOPED_TRACE(path);
        auto response = get(path);
        EXPECT_EQ(response.status, 404);
        EXPECT_EQ(response.body.find("<html"), std::string::npos);
        expect_security_headers(response, path);
    }
}

TEST(Panel, ConditionalGetAnswers304) {
    auto first = get("/admin/app.css");
    auto etag = header(first, "ETag");
    ASSERT_TRUE(etag.has_value());
    auto again = request("GET", "/admin/app.css");
    again.headers.emplace_back("if-none-match", *etag);
    auto response = admin::serve_panel(again);
    EXPECT_EQ(response.status, 304);
    EXPECT_TRUE(response.body.empty());
    EXPECT_EQ(header(response, "ETag"), etag);

    auto other = request("GET", "/admin/app.css");
    other.headers.emplace_back("if-none-match", "\"something-else\"");
    EXPECT_EQ(admin::serve_panel(other).status, 200);
}

TEST(Panel, PanelPathsExcludeTheApi) {
    EXPECT_TRUE(admin::is_panel_path("/admin"));
    EXPECT_TRUE(admin::is_panel_path("/admin/"));
    EXPECT_TRUE(admin::is_panel_path("/admin/app.js"));
    EXPECT_TRUE(admin::is_panel_path("/admin/whatever"));
    EXPECT_FALSE(admin::is_panel_path("/admin/api"));
    EXPECT_FALSE(admin::is_panel_path("/admin/api/"));
    EXPECT_FALSE(admin::is_panel_path("/admin/api/v1/session"));
    EXPECT_FALSE(admin::is_panel_path("/administrator"));
    EXPECT_FALSE(admin::is_panel_path("/"));
    EXPECT_FALSE(admin::is_panel_path("/baselinker"));
}

}  // namespace
