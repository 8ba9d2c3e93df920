#include "Client.h"

#include <httplib.h>

#include <chrono>

#include "Process.h"

namespace bench {
namespace {

// The error envelope always opens with the "error" key; a product map opens with an id.
bool looks_like_success(const std::string& body) {
    if (body.empty() || body.front() != '{') return false;
    auto key = body.find_first_not_of(" \t\r\n", 1);
    return key == std::string::npos || body.compare(key, 7, "\"error\"") != 0;
}

std::string shorten(const std::string& text) {
    return text.size() > 300 ? text.substr(0, 300) + "..." : text;
}

}  // namespace

struct Client::Impl {
    explicit Impl(std::uint16_t port) : http("127.0.0.1", port) {
        http.set_keep_alive(true);
        // As curl (BaseLinker's client) does: without it, Nagle plus delayed ACK adds 40 ms to
        // every request whose headers and body leave in separate writes.
        http.set_tcp_nodelay(true);
        http.set_connection_timeout(std::chrono::seconds(5));
        // A 1M-product name filter scans every name; give it room but never hang forever.
        http.set_read_timeout(std::chrono::seconds(300));
        http.set_write_timeout(std::chrono::seconds(30));
    }
    httplib::Client http;
};

Client::Client(std::uint16_t port, std::string password)
    : impl_(std::make_unique<Impl>(port)), password_(std::move(password)) {}

Client::~Client() = default;

Reply Client::call(std::string_view action, const Fields& fields) {
    std::string body = "bl_pass=" + form_encode(password_) + "&action=" + form_encode(action);
    for (const auto& [name, value] : fields) body += "&" + name + "=" + form_encode(value);
    auto start = std::chrono::steady_clock::now();
    auto res = impl_->http.Post("/baselinker", body, "application/x-www-form-urlencoded");
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    std::string what = std::string(action) + " " + shorten(body.substr(body.find("&action")));
    if (!res) throw BenchError(what + ": no answer (" + httplib::to_string(res.error()) + ")");
    if (res->status != 200 || !looks_like_success(res->body)) {
        throw BenchError(what + ": HTTP " + std::to_string(res->status) + " " + shorten(res->body));
    }
    return {std::move(res->body), ms.count()};
}

int Client::get_status(const std::string& path) {
    auto res = impl_->http.Get(path);
    return res ? res->status : -1;
}

std::string form_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace bench
