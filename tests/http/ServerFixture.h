#pragma once
// Transport tests run http::Server alone with trivial handlers (no store). Raw sockets play the
// misbehaving clients (slow, flooding, keep-alive); httplib plays the well-behaved ones.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "http/Server.h"

namespace server_test {

struct RawResponse {
    int status = 0;  // 0: connection closed before a response
    std::string headers;
    std::string body;
};

// A blocking TCP client socket on 127.0.0.1 with a 30 s receive timeout (a safety net only).
class RawClient {
  public:
    // Connects to 127.0.0.1:port from `source` (any 127.0.0.0/8 address is loopback on Linux, so
    // a test can play several clients).
    explicit RawClient(std::uint16_t port, const char* source = "127.0.0.1");
    ~RawClient();
    bool connected() const { return fd_ >= 0; }
    void send(const std::string& bytes);
    // Reads one response (Content-Length bodies only).
    RawResponse read_response();
    // True while the server has neither answered nor closed the connection.
    bool still_waiting();
    // Blocks until the server closes the connection; true when it did (and sent nothing more).
    bool wait_closed_silently();

  private:
    int fd_ = -1;
    std::string pending_;
};

// JSON refusal body the tests can recognise: {"refused":413,"reason":"...","path":"/x"}.
core::WebResponse test_refusal(int status, const std::string& reason, const std::string& path);

// A server on 127.0.0.1:0 with settings the test may change before start().
struct ServerUnderTest {
    http::ServerSettings settings;
    std::unique_ptr<http::Server> server;

    ServerUnderTest();
    void start(http::Handler handler);
    std::uint16_t port() const { return server->port(); }
};

// Answers 200 with "hello <path>".
core::WebResponse hello(const core::WebRequest& request);

}  // namespace server_test
