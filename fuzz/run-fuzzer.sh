#!/bin/sh
# Bounded libFuzzer run for ctest: run-fuzzer.sh BINARY CORPUS_DIR SECONDS
# The corpus is copied to a temporary directory so that the run never modifies the repository;
# crash inputs are kept next to the binary (fuzz-artifacts/) for reproduction.
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 BINARY CORPUS_DIR [SECONDS]" >&2
    exit 2
fi
binary=$1
corpus=$2
seconds=${3:-20}

if [ ! -x "$binary" ]; then
    echo "fuzz binary not found: $binary (build the 'fuzz' preset first)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus"
if [ -d "$corpus" ]; then
    cp -R "$corpus"/. "$work/corpus/"
fi

artifacts="$(dirname "$binary")/fuzz-artifacts/$(basename "$binary")"
mkdir -p "$artifacts"

# libFuzzer exits non-zero on a crash, a leak, a timeout or an invariant abort().
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work/corpus"
