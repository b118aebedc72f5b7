#!/usr/bin/env bash
# `make test`: every stage in order, each one timed. The table of stage times is printed at
# the end, also when a stage fails, so a slow or failing stage shows in every CI log.
set -uo pipefail
cd "$(dirname "$0")/.."

logs=target/test-logs
rm -rf "$logs" && mkdir -p "$logs"
names=()
secs=()
results=()
started=$SECONDS

report() {
  local rc=$? passed failed
  printf '\n%-8s %8s  %s\n' stage seconds result
  for i in "${!names[@]}"; do
    printf '%-8s %8d  %s\n' "${names[$i]}" "${secs[$i]}" "${results[$i]}"
  done
  printf '%-8s %8d\n\n' total $((SECONDS - started))
  # One closing line for every test that ran: cargo's "test result" lines and node's summary.
  passed=$(cat "$logs"/*.log 2>/dev/null | awk '/^test result:/ { n += $4 } /^# pass / { n += $3 } END { print n + 0 }')
  failed=$(cat "$logs"/*.log 2>/dev/null | awk '/^test result:/ { n += $6 } /^# fail / { n += $3 } END { print n + 0 }')
  printf 'tests: %d passed, %d failed\n' "$passed" "$failed"
  exit "$rc"
}
trap report EXIT

# stage NAME COMMAND...: runs one stage and keeps its output; a failure ends the run.
stage() {
  local name=$1 begin=$SECONDS rc=0
  shift
  printf '\n== %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$logs/$name.log" || rc=$?
  names+=("$name")
  secs+=($((SECONDS - begin)))
  if [ "$rc" -eq 0 ]; then results+=(ok); else results+=("FAILED (exit $rc)"); fi
  [ "$rc" -eq 0 ] || exit "$rc"
}

mk() { make --no-print-directory "$@"; }

# A full disk shows up later only as a linker's "Bus error": say how much room there is first.
df -h . | tail -1 | awk '{ print "disk: " $4 " free of " $2 }'

stage tools mk tools
stage lint mk lint
stage native mk test-native
stage wasm mk test-wasm
stage build mk build
stage size mk size-budget
stage e2e mk test-e2e
