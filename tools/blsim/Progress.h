#pragma once
// A one-line progress bar on stderr. It draws only when stderr is a terminal, so logs and pipes
// stay clean; it redraws at most every 100 ms so a fast loop does not flood the terminal.
#include <chrono>
#include <cstdint>
#include <string>

namespace blsim {

class Progress {
  public:
    // `enabled` is the caller's wish (--no-progress); the terminal check is added here.
    Progress(bool enabled, std::string label, std::uint64_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void set_total(std::uint64_t total);
    void advance(std::uint64_t n = 1);
    void done();  // clears the line

  private:
    void draw(bool force);
    bool on_;
    std::string label_;
    std::uint64_t total_, count_ = 0;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace blsim
