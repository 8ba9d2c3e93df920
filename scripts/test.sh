#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs the Debian packages, builds the
# fuzz targets (clang-14, libFuzzer) and the CI build (warnings are errors), then runs ctest,
# which includes bounded fuzz runs and the web panel's headless-Chromium test (playwright-core
# from npm, pinned by tests/web/package-lock.json). Prints ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
scripts/build.sh fuzz
scripts/build.sh ci
# The browser test may skip itself only where Chromium or node_modules are missing; here both
# were just installed, so a missing one is a failure.
export BLC_REQUIRE_BROWSER=1
ctest --preset ci "$@"
