# Mend. `make serve` and `make test` work on a fresh machine: each installs what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: tools serve build size size-budget twiggy peer bench lighthouse icons test lint test-native test-wasm test-e2e fuzz clean

tools:
	@scripts/install-tools.sh

serve: tools
	trunk serve --address 127.0.0.1 --port 8080

# What the release build in dist/ is made from. The stamp in target/ says that dist/ holds a
# release build of exactly these files, so `make test` skips the build when nothing changed;
# `trunk serve` rewrites dist/index.html with a dev build, which makes the stamp stale.
BUILD_INPUTS := $(shell find src style assets web -type f 2>/dev/null) index.html Cargo.toml \
	Cargo.lock Trunk.toml .cargo/config.toml scripts/post-build.mjs scripts/short-imports.mjs scripts/check-addresses.mjs package-lock.json
RELEASE_STAMP := target/release-build.stamp
# No dist/ at all (deleted by hand, or `make clean` of dist only): build again.
ifeq ($(wildcard dist/index.html),)
$(shell rm -f $(RELEASE_STAMP))
endif

build: tools $(RELEASE_STAMP)
	@scripts/size-report.sh dist

$(RELEASE_STAMP): $(BUILD_INPUTS) $(wildcard dist/index.html)
	trunk build --release
	@mkdir -p target && touch $@

size:
	@scripts/size-report.sh dist

# Fails when dist/ is larger in brotli than bench/size-budget.json allows (part of make test).
size-budget:
	node scripts/check-size.mjs

# What is big in the wasm: the release build's code, run through wasm-bindgen and wasm-opt -Oz
# like trunk does, but keeping function names. Writes target/twiggy/top.txt and dominators.txt.
twiggy: build
	@MEND_TWIGGY=1 scripts/install-tools.sh
	@scripts/twiggy-report.sh

# The TodoMVC peer (bench/peer/todomvc, Leptos's own example) in target/peer-dist/, built
# with Mend's trunk, wasm-opt, leptos and release profile; only when its sources changed.
peer: tools
	@scripts/build-peer.sh

# Performance figures at 10, 100 and 1,000 stored incidents, and cold start beside the peer;
# writes bench/results.json. Timings are noisy on shared machines, so they never fail the
# build: read the table.
bench: build peer
	node bench/run.mjs

# Lighthouse scores on the list and on a step, mobile and desktop, served compressed.
lighthouse: build
	node scripts/lighthouse.mjs

# Renders assets/icons/*.png from the SVGs (the PNGs are committed; builds don't need this).
icons: tools
	node scripts/render-icons.mjs

# Every stage in order (tools, lint, native, wasm, build, size, e2e), each timed; the table
# of stage times is printed at the end, also when a stage fails.
test:
	@scripts/test.sh

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
	@scripts/test-wasm.sh

# End-to-end tests against the release build in dist/, served on 127.0.0.1. Each test has
# its own server and browser, so the files run side by side (E2E_JOBS at a time).
E2E_JOBS ?= 2
test-e2e:
	node --test --test-concurrency=$(E2E_JOBS) tests/e2e/

clean:
	rm -rf dist target
