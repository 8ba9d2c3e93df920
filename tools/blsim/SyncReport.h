#pragma once
// The phase table of a sync run: each phase's requests, bytes received, wall time and result.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "blsim/Client.h"

namespace blsim {

class SyncReport {
  public:
    explicit SyncReport(Client& client) : client_(client) {}
    // Runs one phase, timing it and counting its requests; false when it threw (the error text
    // becomes the phase's result).
    bool run(const std::string& phase, const std::function<std::string()>& body);
    void print() const;  // to stdout

  private:
    struct Row {
        std::string phase, result;
        std::uint64_t requests = 0, bytes = 0;
        double ms = 0;
        bool ok = true;
    };
    Client& client_;
    std::vector<Row> rows_;
};

}  // namespace blsim
