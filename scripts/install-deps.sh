#!/usr/bin/env bash
# Installs the Debian 12 packages blconnect needs to build, test and run. Idempotent: asks apt only
# for what is missing. Runs as root, or through sudo when available.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config git openssl ca-certificates
  libboost1.81-dev libboost-json1.81-dev
  libsqlite3-dev libsqlitecpp-dev sqlite3
  postgresql-15 libpq-dev
  libtomlplusplus-dev libspdlog-dev libfmt-dev libcli11-dev
  libssl-dev libsodium-dev libicu-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  clang-14 libclang-rt-14-dev
  python3
  chromium fonts-dejavu-core
)
# postgresql-15 is the server the PostgreSQL variants of the tests run against: scripts/test.sh
# starts a throwaway cluster of its own (scripts/pg-cluster.sh, 127.0.0.1, port 55432 or the next
# free one). The package's default cluster (15/main, port 5432), started or not by its postinst,
# is never used and left as it is.
# Node.js + npm drive the browser test (playwright-core from npm, Debian's Chromium). A machine
# that already has a Node.js with npm (e.g. from NodeSource) keeps it: Debian's npm package
# would conflict with it.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
