#pragma once
// The benchmark's child processes (support/proc, shared with the multi-process tests) under the
// benchmark's names.
#include "proc/Process.h"

namespace bench {

using BenchError = proc::ProcessError;
using proc::ExitStatus;
using proc::file_tail;
using proc::MemoryUse;
using proc::ServerProcess;
using proc::spawn;
using proc::wait_for;

}  // namespace bench
