#pragma once
// Secrets come from stdin, never from argv (argv shows in `ps` and in shell history).
#include <optional>
#include <string>

namespace app {

// One line from stdin without its line ending. On a terminal, `prompt` goes to stderr and echo is
// off while typing. nullopt at end of input.
std::optional<std::string> read_secret_line(const char* prompt);

}  // namespace app
