#pragma once
// What /healthz reports (docs/operations.md): the database answers, it still accepts a write (the
// heartbeat row, rewritten at most every `write_interval_s` seconds: a load balancer polling
// every second must not become a write load), and the free space where the SQLite file lives.
// 503 when the database is down or refuses writes (a full disk, a read-only file).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "core/Exchange.h"

namespace store {
class Store;
}

namespace app {

class HealthProbe {
  public:
    // `sqlite_file`: the database file, "" on PostgreSQL (its disk is the server's).
    HealthProbe(store::Store& store, std::string sqlite_file, std::int64_t write_interval_s = 10);

    struct Report {
        bool database = false;  // answers a read
        bool writes = false;    // the last heartbeat write succeeded
        std::optional<std::uint64_t> disk_free_bytes;
    };
    Report check(std::int64_t now);
    core::WebResponse response(std::int64_t now);

  private:
    store::Store& store_;
    std::string directory_;
    std::int64_t interval_;
    std::mutex mutex_;
    std::int64_t last_write_ = 0;  // when the heartbeat was last tried (0 = never)
    bool last_write_ok_ = false;
    std::int64_t failing_since_ = 0;  // logged once per outage
};

}  // namespace app
