#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs the Debian packages, builds the
# fuzz targets (clang-14, libFuzzer), the CI build (warnings are errors) and the sanitizer builds
# (ASan + UBSan: the unit, engine, store and end-to-end suites; TSan: the store's concurrency
# tests), then runs ctest, which includes bounded fuzz runs and the web panel's headless-Chromium
# test (playwright-core from npm, pinned by tests/web/package-lock.json), and the store and
# end-to-end suites a second time on PostgreSQL (store_pg.*, e2e_pg.*) against a throwaway
# cluster that this script starts (scripts/pg-cluster.sh) and stops again, whatever the outcome;
# then the sanitizer builds' suites (presets tsan and asan, on both backends). Prints ctest's
# summary line of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
scripts/build.sh fuzz
scripts/build.sh ci
scripts/build.sh asan
scripts/build.sh tsan
# The browser test may skip itself only where Chromium or node_modules are missing; here both
# were just installed, so a missing one is a failure.
export BLC_REQUIRE_BROWSER=1

pg_dir="$(mktemp -d /tmp/blc-pg-XXXXXX)"
trap 'scripts/pg-cluster.sh stop "$pg_dir" || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
scripts/pg-cluster.sh start "$pg_dir"
BLC_TEST_POSTGRES="$(scripts/pg-cluster.sh env "$pg_dir")"
export BLC_TEST_POSTGRES
ctest --preset ci "$@"
ctest --preset tsan
ctest --preset asan
