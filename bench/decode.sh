#!/usr/bin/env bash
# Instructions to read one stored record natively (decode and fingerprint, as start-up does),
# counted by valgrind's callgrind: the same count on every run of the same build, however busy
# the machine, where browser timings move by a quarter between runs. The release profile is
# the app's (opt-level z). `bash bench/decode.sh [records]` (200 unless given); needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
cargo build --quiet --release --example decode
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Once with none read, to take out the program's own start.
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out" target/release/examples/decode "$1" >/dev/null 2>&1
  awk '/^summary:/ { print $2 }' "$out"
}
base=$(count 0)
total=$(count "$n")
echo "$n records: $(( (total - base) / n )) instructions per record (decode and fingerprint)"
