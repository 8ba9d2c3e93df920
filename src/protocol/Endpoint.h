#pragma once
// The connector endpoint: decode form -> check password -> find action -> run -> envelope ->
// journal. Knows nothing about HTTP libraries or SQL.
#include <memory>
#include <string>
#include <vector>

#include "core/ConnectorRefusals.h"
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
    int throttle_failures = 10;  // failed calls (no or wrong password) per address in the window...
    int throttle_window_s = 60;  // ...before answering rate_limited for the window
    int throttle_global_failures = 100;  // failed calls from all addresses within the window
                                         // before every failing call is answered rate_limited
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
    // What was refused for want of a correct password (this process, in memory).
    core::RefusalReport refusals() const;
    // FileVersion as BaseLinker would call it, run in-process past the password (which, once
    // rotated, is known by its hash only): does the connector answer with the current settings?
    core::WebResponse test_connection();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace protocol
