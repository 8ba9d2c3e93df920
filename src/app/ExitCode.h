#pragma once
// The CLI's edge of the error vocabulary: a core::Status becomes the process exit code and one
// line on stderr (docs/operations.md, "Exit codes"). Commands report through here so the mapping
// exists once.
#include "core/Status.h"

namespace app {

// 0 for ok; 1 for every failure. Scripts test for non-zero; the message says what to fix.
int exit_code(const core::Status& status);

// Prints "blconnect: <message>" on stderr (the message is written for the person at the keyboard
// and names what it is about) and returns exit_code(status).
int report(const core::Status& status);

}  // namespace app
