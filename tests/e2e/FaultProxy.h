#pragma once
// A deliberately broken connector for the e2e tests: an HTTP proxy on loopback in front of a real
// blconnect that forwards every request and breaks exactly one protocol rule, so that a test can
// prove blsim pinpoints that very rule.
#include <cstdint>
#include <memory>
#include <string>

namespace e2e {

enum class Fault {
    None,
    WrongKeyZero,       // ProductsQuantity: key "0" of products with variants is off by one
    SkippedPage,        // ProductsList page 2: every product dropped, "pages" kept
    DuplicateOnResend,  // OrderAdd re-sent with a known baselinker_id: a new fake order id
    NonStrictIdFrom,    // OrdersGet id_from=N is forwarded as N-1 (order N comes back)
    BareErrorEnvelope,  // error answers become {"error":"<code>"} (no error_code/error_text)
};

class FaultProxy {
  public:
    // Forwards to http://127.0.0.1:`backend_port` (same paths); listens on a free loopback port.
    FaultProxy(std::uint16_t backend_port, Fault fault);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    // http://127.0.0.1:<port>/baselinker
    std::string url() const;
    // How many answers the fault actually changed: a test whose fault never fired proves nothing.
    int faults_applied() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace e2e
