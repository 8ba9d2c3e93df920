#pragma once
// A blocking BaseLinker-side client over one keep-alive loopback connection. cpp-httplib stays
// inside Client.cpp.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    std::string body;
    double ms = 0;  // request sent to last body byte read
};

class Client {
  public:
    Client(std::uint16_t port, std::string password);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // POSTs `action` with `fields` to /baselinker. Throws BenchError unless the answer is HTTP
    // 200 with a JSON object that is not the error envelope.
    Reply call(std::string_view action, const Fields& fields);
    // GET `path`; the HTTP status, or -1 when the server does not answer.
    int get_status(const std::string& path);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string password_;
};

// application/x-www-form-urlencoded encoding of one value.
std::string form_encode(std::string_view text);

}  // namespace bench
