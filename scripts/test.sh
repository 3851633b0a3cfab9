#!/usr/bin/env bash
# Sets up what is missing, then runs every test Parallax has, stopping at the first failure:
#   1. native: cargo test for the core, the CLI and the app's state (no browser)
#   2. the app mounted in headless Chromium, then in headless Firefox (wasm-bindgen-test)
#   3. a release build with wasm-opt, served under a sub-path by a plain static file server and
#      driven end to end in Chromium; prints the release sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
source scripts/setup.sh test

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
timed() { local t=$SECONDS; "$@"; printf '(%ss)\n' $((SECONDS - t)); }

step "native tests"
timed cargo test --workspace

step "browser tests: headless Chromium"
timed env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p parallax-app

step "browser tests: headless Firefox"
timed env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown -p parallax-app

step "release build under /parallax/ and static hosting"
site=target/static-site
rm -rf "$site"
timed trunk build --release --public-url /parallax/ --dist "$site/parallax"
bash scripts/sizes.sh "$site/parallax"
timed node tests/e2e/static_host.mjs "$site"

step "all tests passed in $((SECONDS - started))s"
