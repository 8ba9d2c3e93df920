#pragma once
// HTTP(S) server on Boost.Beast. Beast headers stay in Server.cpp; callers see only this.
// Knows nothing about actions: it reads a request within limits, hands a core::WebRequest to the
// handler (on a worker pool, so a slow handler or a slow client never blocks others), and writes
// the core::WebResponse back.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/Exchange.h"

namespace http {

struct ServerSettings {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 = pick a free port (see Server::port())
    std::string tls_cert_file;  // both set = HTTPS only
    std::string tls_key_file;
    std::size_t body_limit = 8 * 1024 * 1024;
    std::size_t header_limit = 16 * 1024;
    std::chrono::milliseconds read_timeout{30000};  // whole request (headers + body)
    std::chrono::milliseconds write_timeout{30000};
    std::chrono::milliseconds idle_timeout{60000};     // keep-alive between requests
    std::chrono::milliseconds handler_timeout{60000};  // request deadline: 503 when exceeded
    int max_connections = 512;  // over this, new connections get 503 and are closed
    // Open connections one client address may hold (0 = no cap), so one address hoarding
    // sockets cannot starve the others; over it, its new connections get 503 and are closed.
    int max_connections_per_address = 128;
    int io_threads = 1;
    int worker_threads = 16;
    // Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs; empty = none):
    // see ClientAddress.h.
    std::vector<std::string> trusted_proxies;
};

using Handler = std::function<core::WebResponse(const core::WebRequest&)>;
// Builds the response for a request the transport refuses itself (status 413, 431, 503, 408...).
// `path` is the request path when known ("" otherwise).
using RefusalHandler = std::function<core::WebResponse(int status, const std::string& reason,
                                                       const std::string& path)>;

class Server {
  public:
    Server(ServerSettings settings, Handler handler, RefusalHandler refusal);
    ~Server();
    // Binds and starts the I/O and worker threads; throws std::runtime_error on failure.
    void start();
    std::uint16_t port() const;
    bool tls() const;
    // Stops accepting, lets in-flight requests finish (up to `grace`), then stops the threads.
    void shutdown(std::chrono::milliseconds grace = std::chrono::milliseconds(10000));
    // Blocks until SIGINT or SIGTERM, then calls shutdown().
    void run_until_signal();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace http
