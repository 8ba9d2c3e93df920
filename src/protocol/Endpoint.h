#pragma once
// The connector endpoint: decode form -> check password -> find action -> run -> envelope ->
// journal. Knows nothing about HTTP libraries or SQL.
#include <memory>
#include <string>
#include <vector>

#include "core/Exchange.h"
#include "protocol/Action.h"
#include "protocol/ErrorEnvelope.h"

namespace journal {
class Writer;
}

namespace protocol {

struct EndpointSettings {
    std::string password;                // >= 16 characters (checked at start-up by the app)
    std::vector<std::string> allow_ips;  // empty = everybody; entries are addresses or CIDRs
    int throttle_failures = 10;          // wrong passwords per address within the window...
    int throttle_window_s = 60;          // ...before answering rate_limited for the window
    ConnectorSettings connector;
};

class LiveSettings;

class Endpoint {
  public:
    Endpoint(EndpointSettings settings, store::Store& store, journal::Writer* journal);
    ~Endpoint();
    core::WebResponse handle(const core::WebRequest& request);
    // The settings in force (config + what the admin side saved); reload() after a change.
    LiveSettings& settings();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace protocol
