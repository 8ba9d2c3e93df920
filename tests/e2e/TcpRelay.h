#pragma once
// A TCP relay on loopback in front of a database server, that a test can cut (every connection
// closed, new ones refused) and restore: "the database went away and came back".
#include <cstdint>
#include <memory>

namespace e2e {

class TcpRelay {
  public:
    explicit TcpRelay(std::uint16_t upstream_port);
    ~TcpRelay();
    TcpRelay(const TcpRelay&) = delete;
    TcpRelay& operator=(const TcpRelay&) = delete;

    std::uint16_t port() const;
    void cut();      // closes every relayed connection; new ones are closed at once
    void restore();  // relays new connections again

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace e2e
