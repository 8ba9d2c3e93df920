#pragma once
// The HTTP side of blsim: POSTs forms to one connector URL the way BaseLinker does
// (application/x-www-form-urlencoded, keep-alive), and counts requests and bytes.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace blsim {

using Fields = std::map<std::string, std::string>;

struct Target {
    std::string url;       // http://host:port/path or https://host:port/path
    std::string password;  // bl_pass
};

struct Reply {
    int status = 0;  // HTTP status; 0 = no answer (error says why)
    std::string body;
    std::string content_type;
    std::string error;  // transport error text, "" when an answer arrived
    double ms = 0;      // wall time of the request
};

class Client {
  public:
    // Throws std::invalid_argument on a URL that is not http(s)://host[:port]/path.
    explicit Client(Target target);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // POST bl_pass + action + fields.
    Reply call(const std::string& action, const Fields& fields = {});
    // POST exactly `body` with `content_type` (no password added): transport checks.
    Reply post_raw(const std::string& body, const std::string& content_type);
    Reply get();  // GET on the connector URL

    const Target& target() const { return target_; }
    std::uint64_t requests() const { return requests_; }
    std::uint64_t bytes_received() const { return bytes_; }

  private:
    Reply finish(Reply reply);
    struct Impl;
    std::unique_ptr<Impl> impl_;
    Target target_;
    std::uint64_t requests_ = 0, bytes_ = 0;
};

// x-www-form-urlencoded encoding (keys in map order).
std::string encode_form(const Fields& fields);

}  // namespace blsim
