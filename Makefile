# Mend. `make serve` and `make test` work on a fresh machine: each installs what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: tools serve build size icons test lint test-native test-wasm test-e2e fuzz clean

tools:
	@scripts/install-tools.sh

serve: tools
	trunk serve --address 127.0.0.1 --port 8080

build: tools
	trunk build --release
	@scripts/size-report.sh dist

size:
	@scripts/size-report.sh dist

# Renders assets/icons/*.png from the SVGs (the PNGs are committed; builds don't need this).
icons: tools
	node scripts/render-icons.mjs

test: tools lint test-native test-wasm build test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test

# The long fuzz run: a million cases for each input kind of the import parser and the
# record decoder (`make test` runs 500 of each). Prints how many ran.
fuzz:
	MEND_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --nocapture --test-threads=2

# Browser tests of the localStorage adapter, in headless Chromium through chromedriver.
test-wasm:
	cargo test --target wasm32-unknown-unknown --test browser --test browser_app

# End-to-end tests against the release build in dist/, served on 127.0.0.1.
test-e2e:
	node --test --test-concurrency=1 tests/e2e/

clean:
	rm -rf dist target
