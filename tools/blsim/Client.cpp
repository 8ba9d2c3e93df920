#include "blsim/Client.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>
#include <utility>

namespace blsim {

namespace {

struct ParsedUrl {
    std::string origin;  // scheme://host:port, what httplib::Client wants
    std::string path;    // always starts with '/'
};

ParsedUrl parse_url(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) throw std::invalid_argument("URL without scheme: " + url);
    const std::string scheme = url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https")
        throw std::invalid_argument("URL scheme must be http or https: " + url);
    const auto host_begin = scheme_end + 3;
    const auto path_begin = url.find('/', host_begin);
    const std::string authority = url.substr(host_begin, path_begin - host_begin);
    if (authority.empty() || authority.find_first_of("?# @") != std::string::npos)
        throw std::invalid_argument("URL without a plain host: " + url);
    ParsedUrl parsed;
    parsed.origin = scheme + "://" + authority;
    parsed.path = path_begin == std::string::npos ? "/" : url.substr(path_begin);
    return parsed;
}

std::string percent_encode(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (unsigned char c : text) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

struct Client::Impl {
    explicit Impl(const ParsedUrl& url) : http(url.origin), path(url.path) {
        // BaseLinker keeps the connection open across a sync cycle; so do we.
        http.set_keep_alive(true);
        http.set_tcp_nodelay(true);
        http.set_connection_timeout(30, 0);
        http.set_read_timeout(30, 0);
        http.set_write_timeout(30, 0);
        http.set_follow_location(false);  // a redirect is an answer to report, not to follow
    }
    httplib::Client http;
    std::string path;
};

Client::Client(Target target) : target_(std::move(target)) {
    impl_ = std::make_unique<Impl>(parse_url(target_.url));
}

Client::~Client() = default;

std::string encode_form(const Fields& fields) {
    std::string out;
    for (const auto& [key, value] : fields) {
        if (!out.empty()) out += '&';
        out += percent_encode(key);
        out += '=';
        out += percent_encode(value);
    }
    return out;
}

Reply Client::call(const std::string& action, const Fields& fields) {
    Fields all = fields;
    all["bl_pass"] = target_.password;
    all["action"] = action;
    return post_raw(encode_form(all), "application/x-www-form-urlencoded");
}

namespace {

Reply to_reply(const httplib::Result& result, std::chrono::steady_clock::time_point start) {
    Reply reply;
    reply.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!result) {
        reply.error = httplib::to_string(result.error());
        return reply;
    }
    reply.status = result->status;
    reply.body = result->body;
    reply.content_type = result->get_header_value("Content-Type");
    return reply;
}

}  // namespace

Reply Client::post_raw(const std::string& body, const std::string& content_type) {
    const auto start = std::chrono::steady_clock::now();
    return finish(to_reply(impl_->http.Post(impl_->path, body, content_type), start));
}

Reply Client::get() {
    const auto start = std::chrono::steady_clock::now();
    return finish(to_reply(impl_->http.Get(impl_->path), start));
}

Reply Client::finish(Reply reply) {
    ++requests_;
    bytes_ += reply.body.size();
    return reply;
}

}  // namespace blsim
