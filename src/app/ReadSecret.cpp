#include "app/ReadSecret.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace app {
namespace {

// Turns terminal echo off for its lifetime and restores the previous settings even when reading
// throws, so the shell is never left silent.
class NoEcho {
  public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

  private:
    termios saved_{};
    bool active_ = false;
};

std::optional<std::string> read_line() {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

std::optional<std::string> read_secret_line(const char* prompt) {
    if (isatty(STDIN_FILENO) == 0) return read_line();
    std::cerr << prompt << std::flush;
    std::optional<std::string> line;
    {
        NoEcho no_echo;
        line = read_line();
    }
    std::cerr << "\n";  // the Enter that ended the line was not echoed
    return line;
}

}  // namespace app
