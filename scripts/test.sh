#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs the Debian packages, builds the
# fuzz targets (clang-14, libFuzzer) and the CI build (warnings are errors), then runs ctest,
# which includes bounded fuzz runs. Prints ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh fuzz
scripts/build.sh ci
ctest --preset ci "$@"
