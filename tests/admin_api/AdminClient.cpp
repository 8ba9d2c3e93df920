#include "AdminClient.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <strings.h>

namespace admin_test {
namespace {

std::string full_path(const std::string& path) {
    return path.starts_with("/admin") ? path : "/admin/api/v1" + path;
}

// error.<key> of an error body as text, "" when the body has no such string.
std::string error_string(const Reply& reply, const char* key) {
    boost::json::error_code ec;
    auto value = boost::json::parse(reply.body, ec);
    if (ec || !value.is_object()) return {};
    const auto* error = value.get_object().if_contains("error");
    if (error == nullptr || !error->is_object()) return {};
    const auto* member = error->get_object().if_contains(key);
    return member != nullptr && member->is_string() ? std::string(member->get_string()) : "";
}

}  // namespace

std::string Reply::header(const std::string& name) const {
    for (const auto& [key, value] : headers)
        if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
    return {};
}

boost::json::value Reply::json() const {
    boost::json::error_code ec;
    auto value = boost::json::parse(body, ec);
    EXPECT_FALSE(ec) << "not JSON: " << body;
    return value;
}

std::string Reply::error_code() const {
    return error_string(*this, "code");
}

std::string Reply::error_field() const {
    return error_string(*this, "field");
}

std::string session_cookie_value(const std::string& set_cookie) {
    const std::string prefix = "blc_session=";
    if (!set_cookie.starts_with(prefix)) return {};
    auto end = set_cookie.find(';');
    return set_cookie.substr(prefix.size(), end - prefix.size());
}

Reply AdminClient::login(const std::string& user, const std::string& password) {
    boost::json::object body{{"username", user}, {"password", password}};
    Reply reply = send("POST", "/session", boost::json::serialize(body), {}, false);
    if (reply.status == 200) {
        cookie = session_cookie_value(reply.header("Set-Cookie"));
        csrf = std::string(reply.json().at("csrf_token").as_string());
    }
    return reply;
}

Reply AdminClient::get(const std::string& path) {
    return send("GET", path, "", {});
}

Reply AdminClient::post(const std::string& path, const std::string& body) {
    return send("POST", path, body, {});
}

Reply AdminClient::put(const std::string& path, const std::string& body) {
    return send("PUT", path, body, {});
}

Reply AdminClient::del(const std::string& path) {
    return send("DELETE", path, "", {});
}

Reply AdminClient::send(const std::string& method, const std::string& path, const std::string& body,
                        Headers headers, bool with_credentials) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    httplib::Request request;
    request.method = method;
    request.path = full_path(path);
    request.body = body;
    if (!body.empty()) request.set_header("Content-Type", "application/json");
    if (with_credentials && !bearer_.empty()) {
        request.set_header("Authorization", "Bearer " + bearer_);
    }
    if (with_credentials && !cookie.empty()) {
        request.set_header("Cookie", "blc_session=" + cookie);
        if (send_csrf && method != "GET") request.set_header("X-CSRF-Token", csrf);
    }
    for (const auto& [name, value] : headers) request.set_header(name, value);
    Reply reply;
    auto result = client.send(request);
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    for (const auto& [name, value] : result->headers) reply.headers.emplace(name, value);
    return reply;
}

}  // namespace admin_test
