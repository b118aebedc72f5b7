#!/usr/bin/env bash
# Installs whatever Mend's build and tests need and is missing. Safe to run again:
# every step checks first and does nothing when the right version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
TWIGGY_VERSION=0.8.0
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[tools] %s\n' "$*"; }

# wasm-bindgen-cli must match the wasm-bindgen that Cargo.lock resolved, to the patch.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
# Only for `make icons`, which shrinks the PNGs it renders.
command -v pngquant >/dev/null 2>&1 || need_apt+=(pngquant)
command -v optipng >/dev/null 2>&1 || need_apt+=(optipng)
if ((${#need_apt[@]})); then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "rustup component add $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  # 0.22 declares a newer rust-version than this machine's rustc.
  say "cargo install trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

# twiggy: what is big in the wasm. Only `make twiggy` asks for it (MEND_TWIGGY=1), so the
# test run doesn't spend two minutes compiling it. It prints its version as "twiggy-opt X".
if [ "${MEND_TWIGGY:-0}" = 1 ] && [ "$(twiggy --version 2>/dev/null || true)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  say "cargo install twiggy $TWIGGY_VERSION (about 2 minutes)"
  cargo install --locked --force twiggy --version "$TWIGGY_VERSION"
fi

WB_VERSION="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  # No --locked: the CLI's own lock pins a webpki-roots the registry no longer has.
  say "cargo install wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

# npm packages (wasm-opt from binaryen, playwright-core, axe-core) come from the committed lock.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
