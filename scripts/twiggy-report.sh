#!/usr/bin/env bash
# What is big in the shipped wasm. trunk's wasm-opt strips names, so this runs the same
# release code through wasm-bindgen and `wasm-opt -Oz` itself, keeping names, then asks
# twiggy. Run after `trunk build --release` (make twiggy does both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
wasm=target/wasm32-unknown-unknown/release/mend.wasm
out=target/twiggy
[ -f "$wasm" ] || { echo "no $wasm yet: run make build" >&2; exit 1; }
mkdir -p "$out"
wasm-bindgen "$wasm" --out-dir "$out" --target web --keep-debug
wasm-opt -Oz --debuginfo "$out/mend_bg.wasm" -o "$out/mend.named.wasm"
twiggy top -n 60 "$out/mend.named.wasm" > "$out/top.txt"
twiggy dominators -d 4 -r 80 "$out/mend.named.wasm" > "$out/dominators.txt"
twiggy monos -m 25 "$out/mend.named.wasm" > "$out/monos.txt"
echo "named wasm: $(stat -c %s "$out/mend.named.wasm") bytes (names included; the shipped one has none)"
head -45 "$out/top.txt"
echo "… full lists: $out/top.txt, $out/dominators.txt (who keeps what), $out/monos.txt (generic copies)"
