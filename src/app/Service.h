#pragma once
// The running connector: store + journal writer + endpoint + HTTP server, wired from a Config.
// `blconnect serve` and the HTTP-level tests both use this.
#include <cstdint>
#include <memory>

#include "app/Config.h"

namespace store {
class Store;
}
namespace journal {
class Writer;
}

namespace app {

class Service {
  public:
    // Opens the store (open_store: refuses missing/outdated/newer databases) and validates the
    // config (password >= 16 characters...). Throws std::runtime_error with a clear message.
    explicit Service(Config config);
    ~Service();
    void start();  // binds; Config::server.port 0 picks a free port
    std::uint16_t port() const;
    std::uint16_t admin_port() const;  // 0 when [admin] enabled = false
    void run_until_signal();           // serve until SIGINT/SIGTERM, then graceful shutdown
    void shutdown();
    store::Store& store();
    journal::Writer& journal();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace app
