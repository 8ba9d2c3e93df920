#pragma once
// A small client of the admin API for the tests: signs in like the panel (cookie + CSRF token)
// or calls like a script (bearer token), over real HTTP on the admin listener.
#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace admin_test {

struct Reply {
    int status = 0;  // 0: no answer
    std::string body;
    std::multimap<std::string, std::string> headers;  // names as the server wrote them

    // The first header of that name (case-insensitive), "" when absent.
    std::string header(const std::string& name) const;
    boost::json::value json() const;  // fails the test when the body is not JSON
    std::string error_code() const;   // error.code, "" when none
    std::string error_field() const;  // error.field, "" when none
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class AdminClient {
  public:
    explicit AdminClient(std::uint16_t port) : port_(port) {}

    // POST /session; on 200 keeps the session cookie and CSRF token for the next requests.
    Reply login(const std::string& user, const std::string& password);
    void use_bearer(std::string token) { bearer_ = std::move(token); }

    // `path` is relative to /admin/api/v1 unless it starts with "/admin".
    Reply get(const std::string& path);
    Reply post(const std::string& path, const std::string& body = "{}");
    Reply put(const std::string& path, const std::string& body);
    Reply del(const std::string& path);
    // Full control: only `headers` and (when `with_credentials`) the session or bearer.
    Reply send(const std::string& method, const std::string& path, const std::string& body,
               Headers headers, bool with_credentials = true);

    std::string cookie;     // the blc_session value ("" when not signed in)
    std::string csrf;       // the session's CSRF token
    bool send_csrf = true;  // add X-CSRF-Token to requests that carry the cookie
    std::string bearer_;    // "Authorization: Bearer …" when not empty

  private:
    std::uint16_t port_;
};

// The blc_session value of a Set-Cookie header ("" when there is none).
std::string session_cookie_value(const std::string& set_cookie);

}  // namespace admin_test
