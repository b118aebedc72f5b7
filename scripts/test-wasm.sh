#!/usr/bin/env bash
# The browser tests (make test-wasm). wasm-bindgen-test-runner gives chromedriver a few
# seconds to open its port and gives up otherwise; on a loaded machine that start can be
# slower ("driver failed to bind port during startup"). Only that failure is retried, twice;
# a failing test fails at once.
set -uo pipefail
# The runner ends chromedriver without letting it remove Chromium's profile (about 90 MB a
# run, under TMPDIR): give the run a folder of its own and remove it afterwards.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/mend-wasm-XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
for attempt in 1 2 3; do
  log=$(mktemp)
  cargo test --target wasm32-unknown-unknown --test browser --test browser_app 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ] || ! grep -q "driver failed to bind port during startup" "$log"; then
    rm -f "$log"
    exit "$status"
  fi
  rm -f "$log"
  echo "test-wasm: chromedriver did not start in time (attempt $attempt of 3); trying again" >&2
done
exit 1
