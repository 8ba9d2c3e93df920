#pragma once
// Child processes of the benchmark and of the multi-process tests: `blconnect init` run to
// completion, and `blconnect serve` kept running while a client drives it.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace proc {

struct ProcessError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ExitStatus {
    bool exited = false;  // false: killed by a signal (see `signal`)
    int code = 0;
    int signal = 0;
    double seconds = 0;  // from the start of the wait
};

// Spawns `argv` with the inherited environment minus every BLCONNECT_* variable, plus `env`.
// stdout and stderr go to `log_path` ("" = our stderr), stdin is /dev/null.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env,
            const std::string& log_path);

// Waits up to `limit`; SIGKILLs the child and throws ProcessError when it does not end in time.
ExitStatus wait_for(pid_t pid, std::chrono::milliseconds limit);

struct MemoryUse {
    std::int64_t peak_kib = 0;     // VmHWM
    std::int64_t current_kib = 0;  // VmRSS
};

// The running server. The destructor SIGKILLs it if it still runs (the benchmark failed).
class ServerProcess {
  public:
    ServerProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                  std::string log_path);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    pid_t pid() const { return pid_; }
    const std::string& log_path() const { return log_path_; }
    bool running();
    MemoryUse memory() const;
    // SIGTERM, then waits up to `grace` (SIGKILL after that).
    ExitStatus terminate(std::chrono::milliseconds grace);

  private:
    pid_t pid_ = -1;
    std::string log_path_;
};

// Last `max_bytes` of a file, for error messages.
std::string file_tail(const std::string& path, std::size_t max_bytes);

}  // namespace proc
