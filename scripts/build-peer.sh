#!/usr/bin/env bash
# `make peer`: builds the TodoMVC peer (bench/peer/todomvc, Leptos's own example) into
# target/peer-dist/ with Mend's trunk and wasm-opt, for `make bench` to measure beside Mend.
# Builds only when target/peer-dist/ is missing or the peer's sources changed: the stamp holds
# a hash of every input. Prints how long the build took.
set -euo pipefail
cd "$(dirname "$0")/.."

PEER=bench/peer/todomvc
DIST="$PWD/target/peer-dist"
STAMP=target/peer-build.stamp
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Its own target dir: its dependency set differs from Mend's, so sharing would rebuild both.
export CARGO_TARGET_DIR="$PWD/target/peer"
# Not the rustflags of Mend's .cargo/config.toml, which cargo would otherwise apply to any crate
# below it: `--cfg erase_components` makes Mend smaller but this example bigger (wasm 68.4 kB
# brotli without it, 77.0 kB with it), so the peer is built as its authors build it.
export CARGO_ENCODED_RUSTFLAGS=""

# The peer must use Mend's leptos, and Mend's wasm-bindgen (the installed CLI matches only it).
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$2"
}
for crate in leptos wasm-bindgen; do
  mend="$(lock_version "$crate" Cargo.lock)"
  peer="$(lock_version "$crate" "$PEER/Cargo.lock")"
  if [ "$mend" != "$peer" ]; then
    echo "peer: $crate is $peer in $PEER/Cargo.lock but $mend in Mend's; pin =$mend in $PEER/Cargo.toml" >&2
    exit 1
  fi
done

# What the build is made from: the peer's files but its README, wasm-opt's version
# (package-lock.json) and this script.
inputs_hash() {
  { find "$PEER" -type f ! -name README.md -print0 | sort -z | xargs -0 sha256sum
    sha256sum package-lock.json scripts/build-peer.sh; } | sha256sum | cut -d' ' -f1
}
hash="$(inputs_hash)"
if [ -f "$DIST/index.html" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$hash" ]; then
  echo "peer: target/peer-dist is up to date"
  exit 0
fi

started=$SECONDS
rm -f "$STAMP"
(cd "$PEER" && trunk build --release --locked --dist "$DIST")
mkdir -p target && echo "$hash" > "$STAMP"
echo "peer: built target/peer-dist in $((SECONDS - started)) s"
